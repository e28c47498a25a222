namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>DECLARE name CURSOR FOR query</c>.</summary>
internal sealed record DeclareCursorStatement(Identifier Name, SqlQuery Query) : Statement;
