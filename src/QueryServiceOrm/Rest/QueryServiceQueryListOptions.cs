namespace QueryServiceOrm.Rest;

/// <summary>
/// What <c>GET /queries</c> lists: filters such as <c>state==SUCCESS</c> or <c>created&gt;2026-01-01T00:00:00Z</c>.
/// </summary>
public sealed record QueryServiceQueryListOptions : QueryServiceListOptions
{
    /// <summary>Whether soft-deleted queries are left out (the API's default).</summary>
    public bool? ExcludeSoftDeleted { get; init; }

    /// <summary>Whether queries no user drove (cursor definitions, metadata) are left out (the API's default).</summary>
    public bool? ExcludeHidden { get; init; }

    private protected override IEnumerable<(string Name, string? Value)> Parameters()
        => base.Parameters().Concat(
        [
            ("excludeSoftDeleted", ExcludeSoftDeleted is { } e ? (e ? "true" : "false") : null),
            ("excludeHidden", ExcludeHidden is { } h ? (h ? "true" : "false") : null),
        ]);
}
