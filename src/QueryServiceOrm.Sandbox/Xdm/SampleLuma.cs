namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary>The tenant object <c>_luma</c>.</summary>
public sealed record SampleLuma(SampleLoyalty? Loyalty, SampleReservedWordTest? ReservedWordTest);
