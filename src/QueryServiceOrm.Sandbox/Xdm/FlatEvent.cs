namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary>One row of the sample flat table: the same events with their leaves as plain columns.</summary>
public sealed class FlatEvent
{
    /// <summary><c>_id</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary><c>timestamp</c>.</summary>
    public DateTime Timestamp { get; set; }

    /// <summary><c>eventType</c>.</summary>
    public string? EventType { get; set; }

    /// <summary><c>pageName</c>.</summary>
    public string? PageName { get; set; }

    /// <summary><c>pageURL</c>.</summary>
    public string? PageUrl { get; set; }

    /// <summary><c>priceTotal</c>.</summary>
    public double? PriceTotal { get; set; }

    /// <summary><c>browserName</c>.</summary>
    public string? BrowserName { get; set; }

    /// <summary><c>loyaltyTier</c>.</summary>
    public string? LoyaltyTier { get; set; }
}
