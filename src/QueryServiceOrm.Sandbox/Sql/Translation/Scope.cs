namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>A column a name can resolve to: its Spark name and type, and how the backend reads it.</summary>
internal sealed record ScopeColumn(string Name, SparkType Type, string Sql);

/// <summary>
/// A relation of a FROM clause: the names it can be qualified by (its alias, or its table name and schema) and its columns.
/// A hidden relation (the right side of a semi or anti join) resolves names inside its join condition only.
/// </summary>
internal sealed record ScopeRelation(IReadOnlyList<string> Qualifier, IReadOnlyList<ScopeColumn> Columns)
{
    public bool Hidden { get; init; }

    /// <summary>Columns merged by USING or NATURAL: <c>*</c> lists them once, unqualified.</summary>
    public IReadOnlySet<string> MergedColumns { get; init; } = new HashSet<string>();

    public ScopeColumn? Column(string name)
        => Columns.FirstOrDefault(c => c.Name == name) ?? Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public bool QualifiedBy(IReadOnlyList<string> parts)
        => parts.Count <= Qualifier.Count
           && parts.Select((p, i) => string.Equals(p, Qualifier[Qualifier.Count - parts.Count + i], StringComparison.OrdinalIgnoreCase)).All(x => x);
}

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
