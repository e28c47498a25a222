namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>base[index]</c>: an array element (0-based) or a map value.</summary>
internal sealed record SubscriptExpr(Expr Base, Expr Index) : Expr;
