namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>_luma.loyalty</c>.</summary>
public sealed record SampleLoyalty(string? Tier, long? Points);
