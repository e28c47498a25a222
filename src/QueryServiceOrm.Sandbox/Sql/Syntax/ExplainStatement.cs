namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record ExplainStatement(Statement Inner, string? Format) : Statement;
