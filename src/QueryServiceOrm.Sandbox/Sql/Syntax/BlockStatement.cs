namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>An anonymous block: <c>$$ BEGIN ...; ...; END $$</c>.</summary>
internal sealed record BlockStatement(IReadOnlyList<Statement> Statements) : Statement;
