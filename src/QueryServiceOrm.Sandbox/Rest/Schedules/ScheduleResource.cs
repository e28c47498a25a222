using System.Text.Json.Serialization;
using QueryServiceOrm.Sandbox.Rest.Queries;

namespace QueryServiceOrm.Sandbox.Rest.Schedules;

/// <summary>A scheduled query as the API returns it; <c>created</c> and <c>updated</c> are epoch milliseconds, as text.</summary>
internal sealed record ScheduleResource(
    string State,
    QueryResourceRequest Query,
    string UpdatedUserId,
    int Version,
    string Id,
    string Updated,
    ScheduleTimingBody Schedule,
    string UserId,
    string Created,
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, LinkBody> Links);
