using System.ComponentModel.DataAnnotations;
using AnalyticsApi.Model;

namespace AnalyticsApi;

/// <summary>
/// A flat event as <c>POST /events/flat</c> accepts it. The body does not bind to the scaffolded <see cref="XdmFlat"/>:
/// its <c>Timestamp</c> is a <see cref="DateTime"/>, so a missing timestamp would arrive as 0001-01-01 and be stored.
/// Here the columns the table requires are nullable and <see cref="RequiredAttribute"/>, so the endpoint's validation
/// answers 400 naming what is missing before anything is appended.
/// </summary>
/// <remarks>Public because .NET 10's validation generator only sees public types: an internal one is not validated.</remarks>
public sealed record FlatEvent(
    [Required] string? Id,
    [Required] DateTime? Timestamp,
    string? EventType,
    string? PageName,
    string? PageUrl,
    double? PriceTotal,
    string? BrowserName,
    string? LoyaltyTier)
{
    /// <summary>The row to append; only called once validation has passed.</summary>
    public XdmFlat ToRow() => new()
    {
        Id = Id!,
        Timestamp = Timestamp!.Value,
        EventType = EventType,
        PageName = PageName,
        PageUrl = PageUrl,
        PriceTotal = PriceTotal,
        BrowserName = BrowserName,
        LoyaltyTier = LoyaltyTier,
    };
}
