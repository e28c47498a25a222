namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>FETCH [n] [FROM|IN] name</c>.</summary>
internal sealed record FetchStatement(long? Count, Identifier Name) : Statement;
