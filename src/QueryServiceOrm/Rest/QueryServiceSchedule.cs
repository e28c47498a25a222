using System.Text.Json;
using System.Text.Json.Serialization;

namespace QueryServiceOrm.Rest;

/// <summary>A scheduled query as the REST API reports it (<c>GET /schedules/{id}</c>, and the answer to a creation).</summary>
public sealed record QueryServiceSchedule
{
    /// <summary>Its id.</summary>
    public string Id { get; init; } = "";

    /// <summary><c>REGISTERING</c> (just created), <c>ENABLED</c> or <c>DISABLED</c>.</summary>
    public string? State { get; init; }

    /// <summary>What each run submits.</summary>
    public QueryServiceSubmittedQuery? Query { get; init; }

    /// <summary>When it runs.</summary>
    public QueryServiceCronSchedule? Schedule { get; init; }

    /// <summary>The user who created it.</summary>
    public string? UserId { get; init; }

    /// <summary>When it was created.</summary>
    [JsonConverter(typeof(QueryServiceTimestampConverter))]
    public DateTimeOffset? Created { get; init; }

    /// <summary>When it last changed.</summary>
    [JsonConverter(typeof(QueryServiceTimestampConverter))]
    public DateTimeOffset? Updated { get; init; }

    /// <summary>The HAL links (<c>self</c>, <c>enable</c>, <c>disable</c>, <c>runs</c>, <c>trigger</c>, <c>delete</c>), as sent.</summary>
    [JsonPropertyName("_links")]
    public IReadOnlyDictionary<string, JsonElement>? Links { get; init; }
}
