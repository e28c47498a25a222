namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>An expression.</summary>
internal abstract record Expr : Node;
