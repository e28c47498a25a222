namespace QueryServiceOrm.Rest;

/// <summary>A scheduled query to create (<c>POST /schedules</c>).</summary>
/// <param name="Query">
/// What each run submits, as a batch query (<c>POST /queries</c>); its <see cref="QueryServiceQueryRequest.DbName"/> is the
/// client's <see cref="QueryServiceRestOptions.Database"/> when null.
/// </param>
/// <param name="Schedule">When it runs.</param>
public sealed record QueryServiceScheduleRequest(QueryServiceQueryRequest Query, QueryServiceCronSchedule Schedule);
