namespace QueryServiceOrm.Rest;

/// <summary>One page of <c>GET /queries</c>.</summary>
public sealed record QueryServiceQueryPage : QueryServicePage
{
    /// <summary>The queries of the page.</summary>
    public IReadOnlyList<QueryServiceQuery> Queries { get; init; } = [];
}
