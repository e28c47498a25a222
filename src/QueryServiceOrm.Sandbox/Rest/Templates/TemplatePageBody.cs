using System.Text.Json.Serialization;
using QueryServiceOrm.Sandbox.Rest.Queries;

namespace QueryServiceOrm.Sandbox.Rest.Templates;

/// <summary>A page of <c>GET /query-templates</c>.</summary>
internal sealed record TemplatePageBody(
    IReadOnlyList<TemplateResource> Templates,
    [property: JsonPropertyName("_page")] PageBody Page,
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, LinkBody> Links,
    int Version = 1);
