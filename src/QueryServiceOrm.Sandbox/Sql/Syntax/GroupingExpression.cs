namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record GroupingExpression(Expr Value) : GroupingElement;
