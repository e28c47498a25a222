namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>expr AS name</c> inside <c>struct(...)</c>, which names the field.</summary>
internal sealed record AliasedExpr(Expr Value, Identifier Alias) : Expr;
