namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>A query: WITH, a body (a SELECT, a set operation, VALUES, a query in parentheses), ORDER BY, LIMIT, OFFSET.</summary>
internal sealed record SqlQuery(
    IReadOnlyList<CommonTableExpression> With, QueryBody Body, IReadOnlyList<SortItem> OrderBy, Expr? Limit, bool LimitAll,
    Expr? Offset) : Node
{
    public IReadOnlyList<WindowDefinition> Windows { get; init; } = [];
}
