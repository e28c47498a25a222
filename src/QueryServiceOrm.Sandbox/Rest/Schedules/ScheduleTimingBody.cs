namespace QueryServiceOrm.Sandbox.Rest.Schedules;

/// <summary>
/// A schedule's <c>schedule</c> object: the cron expression (also named <c>schedule</c>), when it starts, and how many of
/// its runs may be active at once.
/// </summary>
internal sealed record ScheduleTimingBody(string? Schedule, string? StartDate, int? MaxActiveRuns);
