namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record IsDistinctExpr(Expr Left, Expr Right, bool Negated) : Expr;
