namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>CLOSE name</c>.</summary>
internal sealed record CloseCursorStatement(Identifier Name) : Statement;
