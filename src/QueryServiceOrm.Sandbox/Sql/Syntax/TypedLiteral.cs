namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>DATE '...'</c>, <c>TIMESTAMP '...'</c>, <c>X'...'</c> and the like.</summary>
internal sealed record TypedLiteral(string TypeName, string Value) : Expr;
