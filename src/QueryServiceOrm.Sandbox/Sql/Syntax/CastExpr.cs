namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>CAST(x AS t)</c>, or <c>TRY_CAST</c>.</summary>
internal sealed record CastExpr(Expr Value, DataTypeSyntax Type, bool Try) : Expr;
