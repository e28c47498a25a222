namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>A table (or view, or CTE) by name, optionally as of a snapshot.</summary>
internal sealed record TableRelation(IReadOnlyList<Identifier> Name, SnapshotClause? Snapshot, RelationAlias? Alias) : Relation;
