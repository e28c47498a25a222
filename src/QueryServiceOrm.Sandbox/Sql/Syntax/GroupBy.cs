namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>GROUP BY: expressions, or grouping analytics (ROLLUP, CUBE, GROUPING SETS), or ALL.</summary>
internal sealed record GroupBy(IReadOnlyList<GroupingElement> Elements, bool All) : Node;
