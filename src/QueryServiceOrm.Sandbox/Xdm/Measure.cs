namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary>An XDM measure.</summary>
public sealed class Measure
{
    /// <summary><c>value</c>.</summary>
    public double? Value { get; set; }
}
