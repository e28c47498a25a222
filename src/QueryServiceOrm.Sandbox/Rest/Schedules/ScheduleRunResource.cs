using System.Text.Json.Serialization;
using QueryServiceOrm.Sandbox.Rest.Queries;

namespace QueryServiceOrm.Sandbox.Rest.Schedules;

/// <summary>
/// A run of a scheduled query as the API returns it. A list leaves out <see cref="ScheduleId"/> and
/// <see cref="TaskStatusList"/>, as Adobe's does; <c>externalTrigger</c> is <c>"true"</c> or <c>"false"</c>, as text.
/// </summary>
internal sealed record ScheduleRunResource(
    string State,
    int Version,
    string Id,
    string? ScheduleId,
    string ExternalTrigger,
    string Created,
    IReadOnlyList<ScheduleRunTaskBody>? TaskStatusList,
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, LinkBody> Links);
