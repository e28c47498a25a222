namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record QueryStatement(SqlQuery Query) : Statement;
