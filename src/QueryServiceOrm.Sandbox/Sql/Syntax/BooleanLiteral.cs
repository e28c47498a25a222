namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record BooleanLiteral(bool Value) : Expr;
