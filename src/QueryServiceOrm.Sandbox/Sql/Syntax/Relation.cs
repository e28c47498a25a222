namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>What a FROM clause lists.</summary>
internal abstract record Relation : Node;
