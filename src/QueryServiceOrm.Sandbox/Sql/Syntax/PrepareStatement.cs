namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>PREPARE name AS query</c>.</summary>
internal sealed record PrepareStatement(Identifier Name, Statement Body) : Statement;
