using System.Text.Json;
using System.Text.Json.Serialization;

namespace QueryServiceOrm.Rest;

/// <summary>A run of a scheduled query (<c>GET /schedules/{id}/runs</c> and <c>/runs/{runId}</c>).</summary>
public sealed record QueryServiceScheduleRun
{
    /// <summary>Its id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Where it stands: the states of a query (<c>IN_PROGRESS</c>, <c>SUCCESS</c>, ...).</summary>
    public QueryServiceJobState State { get; init; }

    /// <summary>Its schedule's id (in a run read on its own).</summary>
    public string? ScheduleId { get; init; }

    /// <summary>Whether it was triggered through the API rather than by the schedule.</summary>
    [JsonConverter(typeof(QueryServiceTextBooleanConverter))]
    public bool ExternalTrigger { get; init; }

    /// <summary>When it was made.</summary>
    [JsonConverter(typeof(QueryServiceTimestampConverter))]
    public DateTimeOffset? Created { get; init; }

    /// <summary>Its tasks (in a run read on its own): the queries it ran.</summary>
    public IReadOnlyList<QueryServiceScheduleRunTask> TaskStatusList { get; init; } = [];

    /// <summary>The HAL links (<c>self</c>, <c>cancel</c> while it runs), as sent.</summary>
    [JsonPropertyName("_links")]
    public IReadOnlyDictionary<string, JsonElement>? Links { get; init; }
}
