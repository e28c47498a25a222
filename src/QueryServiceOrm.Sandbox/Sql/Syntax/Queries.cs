namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>A query: WITH, a body (a SELECT, a set operation, VALUES, a query in parentheses), ORDER BY, LIMIT, OFFSET.</summary>
internal sealed record SqlQuery(
    IReadOnlyList<CommonTableExpression> With, QueryBody Body, IReadOnlyList<SortItem> OrderBy, Expr? Limit, bool LimitAll, Expr? Offset) : Node
{
    public IReadOnlyList<WindowDefinition> Windows { get; init; } = [];
}

internal sealed record CommonTableExpression(Identifier Name, IReadOnlyList<Identifier> Columns, SqlQuery Query) : Node;

internal abstract record QueryBody : Node;

internal sealed record SelectBody(
    bool Distinct,
    IReadOnlyList<SelectItem> Items,
    IReadOnlyList<Relation> From,
    Expr? Where,
    GroupBy? GroupBy,
    Expr? Having,
    IReadOnlyList<WindowDefinition> Windows) : QueryBody;

internal sealed record SetOperationBody(QueryBody Left, string Operator, bool All, QueryBody Right) : QueryBody;

/// <summary><c>VALUES (...), (...)</c> used as a query.</summary>
internal sealed record ValuesBody(IReadOnlyList<IReadOnlyList<Expr>> Rows) : QueryBody;

internal sealed record NestedQueryBody(SqlQuery Query) : QueryBody;

/// <summary><c>TABLE t</c>.</summary>
internal sealed record TableBody(IReadOnlyList<Identifier> Name) : QueryBody;

/// <summary>One select item: an expression with an optional alias (or several, for generators: <c>AS (pos, value)</c>).</summary>
internal sealed record SelectItem(Expr Value, IReadOnlyList<Identifier> Aliases) : Node;

/// <summary>GROUP BY: expressions, or grouping analytics (ROLLUP, CUBE, GROUPING SETS), or ALL.</summary>
internal sealed record GroupBy(IReadOnlyList<GroupingElement> Elements, bool All) : Node;

internal abstract record GroupingElement : Node;

internal sealed record GroupingExpression(Expr Value) : GroupingElement;

/// <summary><c>ROLLUP(...)</c>, <c>CUBE(...)</c> or <c>GROUPING SETS(...)</c>; each set a list of expressions.</summary>
internal sealed record GroupingAnalytics(string Kind, IReadOnlyList<IReadOnlyList<Expr>> Sets) : GroupingElement;

internal sealed record WindowDefinition(Identifier Name, WindowSpec Spec) : Node;

/// <summary>What a FROM clause lists.</summary>
internal abstract record Relation : Node;

/// <summary>The alias of a relation, with column aliases if given.</summary>
internal sealed record RelationAlias(Identifier Name, IReadOnlyList<Identifier> Columns);

/// <summary>A table (or view, or CTE) by name, optionally as of a snapshot.</summary>
internal sealed record TableRelation(IReadOnlyList<Identifier> Name, SnapshotClause? Snapshot, RelationAlias? Alias) : Relation;

/// <summary><c>SNAPSHOT SINCE a</c>, <c>SNAPSHOT AS OF a</c>, <c>SNAPSHOT BETWEEN a AND b</c>.</summary>
internal sealed record SnapshotClause(string Kind, Expr From, Expr? To) : Node;

internal sealed record SubqueryRelation(SqlQuery Query, bool Lateral, RelationAlias? Alias) : Relation;

internal sealed record ValuesRelation(IReadOnlyList<IReadOnlyList<Expr>> Rows, RelationAlias? Alias) : Relation;

/// <summary>A table-valued function: <c>explode(...)</c>, <c>range(...)</c>, <c>inline(...)</c>.</summary>
internal sealed record FunctionRelation(CallExpr Call, bool Lateral, RelationAlias? Alias) : Relation;

internal sealed record JoinRelation(Relation Left, string Kind, Relation Right, Expr? On, IReadOnlyList<Identifier>? Using, bool Natural) : Relation;

/// <summary><c>LATERAL VIEW [OUTER] generator(...) alias [AS columns]</c> applied to what comes before.</summary>
internal sealed record LateralViewRelation(Relation Source, CallExpr Generator, bool Outer, Identifier Alias, IReadOnlyList<Identifier> Columns) : Relation;

/// <summary>A relation in parentheses, with an alias of its own.</summary>
internal sealed record NestedRelation(Relation Inner, RelationAlias? Alias) : Relation;
