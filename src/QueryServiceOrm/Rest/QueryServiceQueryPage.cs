using System.Text.Json;
using System.Text.Json.Serialization;

namespace QueryServiceOrm.Rest;

/// <summary>One page of <c>GET /queries</c>.</summary>
public sealed record QueryServiceQueryPage
{
    /// <summary>The queries of the page.</summary>
    public IReadOnlyList<QueryServiceQuery> Queries { get; init; } = [];

    /// <summary>Where the page starts and where the next one does.</summary>
    [JsonPropertyName("_page")]
    public QueryServicePageInfo? Page { get; init; }

    /// <summary>The <c>next</c> and <c>prev</c> links, as the API sends them.</summary>
    [JsonPropertyName("_links")]
    public IReadOnlyDictionary<string, JsonElement>? Links { get; init; }

    /// <summary>The <c>start</c> of the next page, or null on the last one.</summary>
    [JsonIgnore]
    public string? NextStart => Links?.ContainsKey("next") == true ? Page?.Next : null;
}
