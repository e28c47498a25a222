namespace QueryServiceOrm.Sandbox.Sql.Syntax;

internal sealed record StringLiteral(string Value) : Expr;
