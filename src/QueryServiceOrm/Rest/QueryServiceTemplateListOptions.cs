namespace QueryServiceOrm.Rest;

/// <summary>What <c>GET /query-templates</c> lists.</summary>
public sealed record QueryServiceTemplateListOptions
{
    /// <summary><c>created</c> or <c>updated</c>, with <c>-</c> for descending (the API's default is <c>-created</c>).</summary>
    public string? OrderBy { get; init; }

    /// <summary>The page size (the API's default is 20).</summary>
    public int? Limit { get; init; }

    /// <summary>Where the page starts: a page's <see cref="QueryServicePage.NextStart"/>, or an ISO timestamp.</summary>
    public string? Start { get; init; }

    /// <summary>Filters on <c>name</c> or <c>userId</c> with <c>==</c>, e.g. <c>name==daily_totals</c>, combined with commas.</summary>
    public IReadOnlyList<string> Properties { get; init; } = [];

    internal string ToQueryString()
        => QueryServiceQueryString.Of(
            ("orderby", OrderBy),
            ("limit", Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("start", Start),
            ("property", Properties.Count > 0 ? string.Join(',', Properties) : null));
}
