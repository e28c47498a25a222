using QueryServiceOrm.Sandbox.Rest.Queries;

namespace QueryServiceOrm.Sandbox.Rest.Schedules;

/// <summary>
/// The body of <c>POST /schedules</c>: the query each run submits (the fields of <c>POST /queries</c>) and its schedule.
/// </summary>
internal sealed record ScheduleRequestBody(QueryRequestBody? Query, ScheduleTimingBody? Schedule);
