using System.Globalization;

namespace QueryServiceOrm.Rest;

/// <summary>What <c>GET /schedules</c> and <c>GET /schedules/{id}/runs</c> list.</summary>
public sealed record QueryServiceScheduleListOptions
{
    /// <summary><c>created</c> or <c>updated</c>, with <c>-</c> for descending (the API's default is <c>+created</c>).</summary>
    public string? OrderBy { get; init; }

    /// <summary>The page size (the API's default is 20).</summary>
    public int? Limit { get; init; }

    /// <summary>Where the page starts: a zero-based offset, or a page's <c>NextStart</c>.</summary>
    public string? Start { get; init; }

    /// <summary>
    /// Filters combined with commas: <c>created</c>, <c>templateId</c> or <c>userId</c> for schedules, <c>created</c>,
    /// <c>state</c> or <c>externalTrigger</c> for runs, e.g. <c>state==SUCCESS</c>.
    /// </summary>
    public IReadOnlyList<string> Properties { get; init; } = [];

    internal string ToQueryString()
    {
        (string Name, string? Value)[] parameters =
        [
            ("orderby", OrderBy),
            ("limit", Limit?.ToString(CultureInfo.InvariantCulture)),
            ("start", Start),
            ("property", Properties.Count > 0 ? string.Join(',', Properties) : null),
        ];
        var given = parameters.Where(p => p.Value is not null).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!)).ToList();
        return given.Count == 0 ? "" : "?" + string.Join('&', given);
    }
}
