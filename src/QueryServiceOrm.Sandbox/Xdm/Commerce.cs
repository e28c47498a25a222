namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>commerce</c>.</summary>
public sealed class Commerce
{
    /// <summary><c>order</c>.</summary>
    public CommerceOrder? Order { get; set; }

    /// <summary><c>purchases</c>.</summary>
    public Measure? Purchases { get; set; }

    /// <summary><c>productViews</c>.</summary>
    public Measure? ProductViews { get; set; }
}
