namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record BetweenExpr(Expr Value, Expr Low, Expr High, bool Negated) : Expr;
