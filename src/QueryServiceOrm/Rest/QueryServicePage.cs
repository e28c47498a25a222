using System.Text.Json;
using System.Text.Json.Serialization;

namespace QueryServiceOrm.Rest;

/// <summary>One page of a list of the API (queries, templates): its paging and its links.</summary>
public abstract record QueryServicePage
{
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
