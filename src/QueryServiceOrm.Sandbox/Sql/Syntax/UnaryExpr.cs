namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record UnaryExpr(string Operator, Expr Operand) : Expr;
