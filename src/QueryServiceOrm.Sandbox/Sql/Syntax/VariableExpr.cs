namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>@name</c>, a variable of an anonymous block.</summary>
internal sealed record VariableExpr(string Name) : Expr;
