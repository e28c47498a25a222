namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>(a, b)</c>: a struct of its values (Spark), as in <c>(a, b) IN (...)</c> or <c>VALUES (1, 'a')</c>.</summary>
internal sealed record RowExpr(IReadOnlyList<Expr> Items) : Expr;
