namespace QueryServiceOrm.Rest;

/// <summary>What <c>GET /query-templates</c> lists: filters on <c>name</c> or <c>userId</c>, e.g. <c>name==daily_totals</c>.</summary>
public sealed record QueryServiceTemplateListOptions : QueryServiceListOptions;
