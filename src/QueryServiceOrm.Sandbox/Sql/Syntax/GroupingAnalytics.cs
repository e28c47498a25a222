namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>ROLLUP(...)</c>, <c>CUBE(...)</c> or <c>GROUPING SETS(...)</c>; each set a list of expressions.</summary>
internal sealed record GroupingAnalytics(string Kind, IReadOnlyList<IReadOnlyList<Expr>> Sets) : GroupingElement;
