namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record SubqueryExpr(SqlQuery Query) : Expr;
