namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary>An XDM measure (<c>{value}</c>).</summary>
public sealed record SampleMeasure(double? Value);
