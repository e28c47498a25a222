using System.Text.Json.Serialization;
using QueryServiceOrm.Sandbox.Rest.Queries;

namespace QueryServiceOrm.Sandbox.Rest.Templates;

/// <summary>A template as the API returns it (the answer to a create, read or update, and an item of the list).</summary>
internal sealed record TemplateResource(
    string Sql,
    string Name,
    string Id,
    string Updated,
    string? LastUpdatedBy,
    string UserId,
    string Created,
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, LinkBody> Links);
