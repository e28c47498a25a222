namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>DEALLOCATE name</c>.</summary>
internal sealed record DeallocateStatement(Identifier? Name) : Statement;
