namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record CaseExpr(Expr? Operand, IReadOnlyList<(Expr When, Expr Then)> Whens, Expr? Else) : Expr;
