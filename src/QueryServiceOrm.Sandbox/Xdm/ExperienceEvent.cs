namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary>An ExperienceEvent of the sample table, as an application maps it.</summary>
public sealed class ExperienceEvent
{
    /// <summary><c>_id</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary><c>timestamp</c> (UTC).</summary>
    public DateTime Timestamp { get; set; }

    /// <summary><c>eventType</c>.</summary>
    public string? EventType { get; set; }

    /// <summary><c>web</c>.</summary>
    public Web? Web { get; set; }

    /// <summary><c>commerce</c>.</summary>
    public Commerce? Commerce { get; set; }

    /// <summary><c>productListItems</c>.</summary>
    public List<ProductListItem>? ProductListItems { get; set; }

    /// <summary><c>environment</c>.</summary>
    public XdmEnvironment? Environment { get; set; }

    /// <summary><c>_luma</c>, the tenant object.</summary>
    public Luma? Luma { get; set; }
}
