using System.Text.Json;
using System.Text.Json.Serialization;

namespace QueryServiceOrm.Rest;

/// <summary>One page of <c>GET /schedules</c>.</summary>
public sealed record QueryServiceSchedulePage
{
    /// <summary>The scheduled queries of the page.</summary>
    public IReadOnlyList<QueryServiceSchedule> Schedules { get; init; } = [];

    /// <summary>Where the page starts and where the next one does.</summary>
    [JsonPropertyName("_page")]
    public QueryServicePageInfo? Page { get; init; }

    /// <summary>The <c>next</c> link, as the API sends it.</summary>
    [JsonPropertyName("_links")]
    public IReadOnlyDictionary<string, JsonElement>? Links { get; init; }

    /// <summary>The <see cref="QueryServiceScheduleListOptions.Start"/> of the next page, or null on the last one.</summary>
    [JsonIgnore]
    public string? NextStart => Links?.ContainsKey("next") == true ? Page?.Next : null;
}
