namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>
/// The names visible at one level of a query: its relations and, inside a lambda, the lambda's parameters; the enclosing
/// levels are searched after it (correlated subqueries, lambdas inside lambdas).
/// </summary>
internal sealed class Scope(Scope? parent)
{
    public Scope? Parent { get; } = parent;

    public List<ScopeRelation> Relations { get; } = [];

    /// <summary>Lambda parameters bound at this level, by name.</summary>
    public Dictionary<string, TypedSql> Variables { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Select-list aliases, for GROUP BY, HAVING and ORDER BY, which Spark lets refer to them.</summary>
    public Dictionary<string, Syntax.Expr> Aliases { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ScopeColumn> VisibleColumns => Relations.Where(r => !r.Hidden).SelectMany(r => r.Columns);
}
