namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>IS [NOT] NULL</c>, <c>IS [NOT] TRUE|FALSE|UNKNOWN</c>.</summary>
internal sealed record IsExpr(Expr Value, string What, bool Negated) : Expr;
