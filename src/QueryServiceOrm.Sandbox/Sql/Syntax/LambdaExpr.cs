namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>x -&gt; body</c> or <c>(x, y) -&gt; body</c>.</summary>
internal sealed record LambdaExpr(IReadOnlyList<Identifier> Parameters, Expr Body) : Expr;
