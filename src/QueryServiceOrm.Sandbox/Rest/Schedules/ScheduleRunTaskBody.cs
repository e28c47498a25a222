namespace QueryServiceOrm.Sandbox.Rest.Schedules;

/// <summary>
/// One task of a run: the query the run submitted (<see cref="TaskId"/> is its id under <c>/queries</c>), its state, the
/// service's message and how long it ran, in seconds.
/// </summary>
internal sealed record ScheduleRunTaskBody(string TaskId, string State, string Message, long Duration);
