namespace QueryServiceOrm.Rest;

/// <summary>What <c>GET /queries</c> lists.</summary>
public sealed record QueryServiceQueryListOptions
{
    /// <summary><c>created</c> or <c>updated</c>, with <c>-</c> for descending (the API's default is <c>-created</c>).</summary>
    public string? OrderBy { get; init; }

    /// <summary>The page size (the API's default is 20).</summary>
    public int? Limit { get; init; }

    /// <summary>Where the page starts: an offset, or a page's <see cref="QueryServicePage.NextStart"/>.</summary>
    public string? Start { get; init; }

    /// <summary>Filters, e.g. <c>state==SUCCESS</c> or <c>created&gt;2026-01-01T00:00:00Z</c>, combined with commas.</summary>
    public IReadOnlyList<string> Properties { get; init; } = [];

    /// <summary>Whether soft-deleted queries are left out (the API's default).</summary>
    public bool? ExcludeSoftDeleted { get; init; }

    /// <summary>Whether queries no user drove (cursor definitions, metadata) are left out (the API's default).</summary>
    public bool? ExcludeHidden { get; init; }

    internal string ToQueryString()
        => QueryServiceQueryString.Of(
            ("orderby", OrderBy),
            ("limit", Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("start", Start),
            ("property", Properties.Count > 0 ? string.Join(',', Properties) : null),
            ("excludeSoftDeleted", ExcludeSoftDeleted is { } e ? (e ? "true" : "false") : null),
            ("excludeHidden", ExcludeHidden is { } h ? (h ? "true" : "false") : null));
}
