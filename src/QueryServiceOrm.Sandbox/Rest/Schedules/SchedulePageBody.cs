using System.Text.Json.Serialization;
using QueryServiceOrm.Sandbox.Rest.Queries;

namespace QueryServiceOrm.Sandbox.Rest.Schedules;

/// <summary>A page of <c>GET /schedules</c>.</summary>
internal sealed record SchedulePageBody(
    IReadOnlyList<ScheduleResource> Schedules,
    [property: JsonPropertyName("_page")] PageBody Page,
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, LinkBody> Links,
    int Version = 2);
