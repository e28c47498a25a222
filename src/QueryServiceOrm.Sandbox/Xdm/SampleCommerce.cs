namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>commerce</c>.</summary>
public sealed record SampleCommerce(SampleOrder? Order, SampleMeasure? Purchases, SampleMeasure? ProductViews);
