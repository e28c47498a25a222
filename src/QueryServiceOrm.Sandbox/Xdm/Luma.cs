namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>_luma</c>.</summary>
public sealed class Luma
{
    /// <summary><c>loyalty</c>.</summary>
    public Loyalty? Loyalty { get; set; }

    /// <summary><c>reservedWordTest</c>.</summary>
    public ReservedWordTest? ReservedWordTest { get; set; }
}
