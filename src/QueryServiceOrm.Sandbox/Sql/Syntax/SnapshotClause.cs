namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>SNAPSHOT SINCE a</c>, <c>SNAPSHOT AS OF a</c>, <c>SNAPSHOT BETWEEN a AND b</c>.</summary>
internal sealed record SnapshotClause(string Kind, Expr From, Expr? To) : Node;
