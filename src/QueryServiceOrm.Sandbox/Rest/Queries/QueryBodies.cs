using System.Text.Json.Serialization;

namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>The body of <c>POST /queries</c>, as Adobe's API reference describes it.</summary>
internal sealed record QueryRequestBody(
    string? DbName,
    string? Sql,
    string? Name,
    string? Description,
    Dictionary<string, string>? QueryParameters,
    string? TemplateId,
    CtasParametersBody? CtasParameters,
    InsertIntoParametersBody? InsertIntoParameters);

/// <summary>Makes the query a CTAS into a new dataset.</summary>
internal sealed record CtasParametersBody(string? DatasetName, string? Description, string? TargetSchemaTitle);

/// <summary>Makes the query an INSERT INTO an existing dataset.</summary>
internal sealed record InsertIntoParametersBody(string? DatasetName);

/// <summary>The body of <c>PATCH /queries/{id}</c>: <c>{"op": "cancel"}</c> or <c>{"op": "soft_delete"}</c>.</summary>
internal sealed record QueryPatchBody(string? Op);

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

/// <summary>What was submitted, echoed back.</summary>
internal sealed record QueryResourceRequest(string DbName, string Sql, string? Name, string? Description);

/// <summary>One error of a failed query: the SQLSTATE the wire would have sent, and the service's text.</summary>
internal sealed record QueryErrorBody(string Code, string Message);

/// <summary>A HAL-style link.</summary>
internal sealed record LinkBody(string Href, string? Method = null, string? Body = null);

/// <summary>A page of <c>GET /queries</c>.</summary>
internal sealed record QueryPageBody(
    IReadOnlyList<QueryResource> Queries,
    [property: JsonPropertyName("_page")] PageBody Page,
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, LinkBody> Links,
    int Version = 1);

/// <summary>Where a page starts and where the next one does.</summary>
internal sealed record PageBody(string Orderby, string? Start, string? Next, int Count);
