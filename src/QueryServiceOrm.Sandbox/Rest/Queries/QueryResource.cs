using System.Text.Json.Serialization;

namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>A query as the API returns it.</summary>
internal sealed record QueryResource(
    string Id,
    string State,
    QueryResourceRequest Request,
    long RowCount,
    IReadOnlyList<QueryErrorBody> Errors,
    [property: JsonPropertyName("isCTAS")] bool IsCtas,
    bool IsInsertInto,
    long ElapsedTime,
    string Created,
    string Updated,
    string Client,
    string UserId,
    int Version,
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, LinkBody> Links);
