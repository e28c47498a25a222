namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>A window: a named one, or partitions, order and frame.</summary>
internal sealed record WindowSpec(string? Name, IReadOnlyList<Expr> PartitionBy, IReadOnlyList<SortItem> OrderBy, string? Frame) : Node;
