namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>EXTRACT(field FROM source)</c>.</summary>
internal sealed record ExtractExpr(string Field, Expr Source) : Expr;
