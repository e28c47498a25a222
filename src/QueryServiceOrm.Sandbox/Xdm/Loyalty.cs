namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>_luma.loyalty</c>.</summary>
public sealed class Loyalty
{
    /// <summary><c>tier</c>.</summary>
    public string? Tier { get; set; }

    /// <summary><c>points</c>.</summary>
    public long? Points { get; set; }
}
