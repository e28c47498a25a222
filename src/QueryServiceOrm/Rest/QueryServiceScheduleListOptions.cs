namespace QueryServiceOrm.Rest;

/// <summary>
/// What <c>GET /schedules</c> and <c>GET /schedules/{id}/runs</c> list (the API's default order is <c>+created</c>): filters
/// on <c>created</c>, <c>templateId</c> or <c>userId</c> for schedules, on <c>created</c>, <c>state</c> or
/// <c>externalTrigger</c> for runs, e.g. <c>state==SUCCESS</c>.
/// </summary>
public sealed record QueryServiceScheduleListOptions : QueryServiceListOptions;
