namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>A relation in parentheses, with an alias of its own.</summary>
internal sealed record NestedRelation(Relation Inner, RelationAlias? Alias) : Relation;
