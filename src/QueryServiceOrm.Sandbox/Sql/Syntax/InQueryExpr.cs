namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record InQueryExpr(Expr Value, SqlQuery Query, bool Negated) : Expr;
