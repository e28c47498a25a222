namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record InListExpr(Expr Value, IReadOnlyList<Expr> Items, bool Negated) : Expr;
