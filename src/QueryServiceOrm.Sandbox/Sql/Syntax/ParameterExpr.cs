namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>$n</c>.</summary>
internal sealed record ParameterExpr(int Number) : Expr;
