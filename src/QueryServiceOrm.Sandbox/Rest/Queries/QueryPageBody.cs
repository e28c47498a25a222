using System.Text.Json.Serialization;

namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>A page of <c>GET /queries</c>.</summary>
internal sealed record QueryPageBody(
    IReadOnlyList<QueryResource> Queries,
    [property: JsonPropertyName("_page")] PageBody Page,
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, LinkBody> Links,
    int Version = 1);
