namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>A function call, aggregate or window function.</summary>
internal sealed record CallExpr(string Name, IReadOnlyList<Expr> Arguments) : Expr
{
    public bool Distinct { get; init; }

    public Expr? Filter { get; init; }

    public WindowSpec? Over { get; init; }

    public bool IgnoreNulls { get; init; }

    /// <summary>ORDER BY inside the call (<c>WITHIN GROUP (ORDER BY ...)</c>).</summary>
    public IReadOnlyList<SortItem> WithinGroup { get; init; } = [];

    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);
}
