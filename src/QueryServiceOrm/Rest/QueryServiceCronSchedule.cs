using System.Text.Json.Serialization;

namespace QueryServiceOrm.Rest;

/// <summary>When a scheduled query runs: the <c>schedule</c> object of <c>/schedules</c>.</summary>
/// <param name="Cron">
/// A cron expression of five fields (minute hour day-of-month month day-of-week), e.g. <c>30 * * * *</c> for every hour at
/// half past, or one of <c>@once</c>, <c>@hourly</c>, <c>@daily</c>, <c>@weekly</c>, <c>@monthly</c>, <c>@yearly</c>.
/// </param>
/// <param name="StartDate">When the schedule starts (the service's default is now).</param>
/// <param name="MaxActiveRuns">How many runs may be active at once (the service's default is 1).</param>
public sealed record QueryServiceCronSchedule(
    [property: JsonPropertyName("schedule")] string Cron, DateTimeOffset? StartDate = null, int? MaxActiveRuns = null);
