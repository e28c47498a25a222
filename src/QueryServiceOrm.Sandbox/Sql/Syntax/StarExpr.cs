namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>*</c> or <c>t.*</c> (in a select list or <c>count(*)</c>).</summary>
internal sealed record StarExpr(IReadOnlyList<Identifier> Qualifier) : Expr;
