namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record BinaryExpr(string Operator, Expr Left, Expr Right) : Expr;
