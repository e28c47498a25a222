namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary>The profile's <c>_luma</c>.</summary>
public sealed class ProfileLuma
{
    /// <summary><c>loyalty</c>.</summary>
    public Loyalty? Loyalty { get; set; }
}
