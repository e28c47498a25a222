namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>NULL, TRUE or FALSE.</summary>
internal sealed record NullLiteral : Expr;
