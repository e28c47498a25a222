using System.Text.Json.Serialization;

namespace QueryServiceOrm.Rest;

/// <summary>One page of <c>GET /schedules/{id}/runs</c>.</summary>
public sealed record QueryServiceScheduleRunPage : QueryServicePage
{
    /// <summary>The runs of the page.</summary>
    [JsonPropertyName("runsSchedules")]
    public IReadOnlyList<QueryServiceScheduleRun> Runs { get; init; } = [];
}
