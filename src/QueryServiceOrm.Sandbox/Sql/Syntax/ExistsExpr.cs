namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record ExistsExpr(SqlQuery Query) : Expr;
