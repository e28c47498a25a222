namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record NestedQueryBody(SqlQuery Query) : QueryBody;
