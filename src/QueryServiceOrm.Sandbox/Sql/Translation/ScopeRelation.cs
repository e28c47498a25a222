namespace QueryServiceOrm.Sandbox.Sql.Translation;

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
        => Columns.FirstOrDefault(c => c.Name == name)
            ?? Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public bool QualifiedBy(IReadOnlyList<string> parts)
        => parts.Count <= Qualifier.Count
           && parts.Select(
               (p, i) => string.Equals(p, Qualifier[Qualifier.Count - parts.Count + i], StringComparison.OrdinalIgnoreCase)).All(x => x);
}
