namespace QueryServiceOrm.Rest;

/// <summary>One page of <c>GET /schedules</c>.</summary>
public sealed record QueryServiceSchedulePage : QueryServicePage
{
    /// <summary>The scheduled queries of the page.</summary>
    public IReadOnlyList<QueryServiceSchedule> Schedules { get; init; } = [];
}
