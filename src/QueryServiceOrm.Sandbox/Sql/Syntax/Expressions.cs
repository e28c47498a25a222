namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>A name as written: its text and whether it was quoted (back quotes or double quotes).</summary>
/// <param name="Value">The name.</param>
/// <param name="Quoted">Whether it was quoted.</param>
internal sealed record Identifier(string Value, bool Quoted)
{
    public bool Is(string name) => string.Equals(Value, name, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Value;
}

/// <summary>A node of a statement, with where it starts in the text (for error messages).</summary>
internal abstract record Node
{
    public int Position { get; init; }
}

/// <summary>An expression.</summary>
internal abstract record Expr : Node;

/// <summary>NULL, TRUE or FALSE.</summary>
internal sealed record NullLiteral : Expr;

internal sealed record BooleanLiteral(bool Value) : Expr;

/// <summary>A number as written; <paramref name="Suffix"/> is Spark's type suffix (L, S, Y, F, D, BD) or empty.</summary>
internal sealed record NumberLiteral(string Digits, string Suffix) : Expr;

internal sealed record StringLiteral(string Value) : Expr;

/// <summary><c>DATE '...'</c>, <c>TIMESTAMP '...'</c>, <c>X'...'</c> and the like.</summary>
internal sealed record TypedLiteral(string TypeName, string Value) : Expr;

/// <summary><c>INTERVAL ...</c>: each part a quantity (number or string) and a unit, or one string of several.</summary>
internal sealed record IntervalLiteral(IReadOnlyList<(string Quantity, string Unit)> Parts) : Expr;

/// <summary>A name path: <c>a</c>, <c>t.a</c>, <c>web.webPageDetails.name</c>. Which part is the table, the column and the fields
/// is decided when names are resolved.</summary>
internal sealed record NameExpr(IReadOnlyList<Identifier> Parts) : Expr;

/// <summary>A field of a struct, where the base is not a plain name: <c>f(x).a</c>, <c>arr[0].b</c>.</summary>
internal sealed record FieldExpr(Expr Base, Identifier Field) : Expr;

/// <summary><c>base[index]</c>: an array element (0-based) or a map value.</summary>
internal sealed record SubscriptExpr(Expr Base, Expr Index) : Expr;

/// <summary><c>$n</c>.</summary>
internal sealed record ParameterExpr(int Number) : Expr;

/// <summary><c>@name</c>, a variable of an anonymous block.</summary>
internal sealed record VariableExpr(string Name) : Expr;

/// <summary><c>*</c> or <c>t.*</c> (in a select list or <c>count(*)</c>).</summary>
internal sealed record StarExpr(IReadOnlyList<Identifier> Qualifier) : Expr;

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

/// <summary><c>expr AS name</c> inside <c>struct(...)</c>, which names the field.</summary>
internal sealed record AliasedExpr(Expr Value, Identifier Alias) : Expr;

/// <summary><c>x -&gt; body</c> or <c>(x, y) -&gt; body</c>.</summary>
internal sealed record LambdaExpr(IReadOnlyList<Identifier> Parameters, Expr Body) : Expr;

internal sealed record UnaryExpr(string Operator, Expr Operand) : Expr;

internal sealed record BinaryExpr(string Operator, Expr Left, Expr Right) : Expr;

internal sealed record BetweenExpr(Expr Value, Expr Low, Expr High, bool Negated) : Expr;

internal sealed record InListExpr(Expr Value, IReadOnlyList<Expr> Items, bool Negated) : Expr;

internal sealed record InQueryExpr(Expr Value, SqlQuery Query, bool Negated) : Expr;

/// <summary>LIKE, ILIKE, RLIKE/REGEXP, with <c>ANY</c>/<c>ALL</c> over several patterns when <paramref name="Quantifier"/> is set.</summary>
internal sealed record LikeExpr(string Kind, Expr Value, IReadOnlyList<Expr> Patterns, Expr? Escape, bool Negated, string? Quantifier) : Expr;

/// <summary><c>IS [NOT] NULL</c>, <c>IS [NOT] TRUE|FALSE|UNKNOWN</c>.</summary>
internal sealed record IsExpr(Expr Value, string What, bool Negated) : Expr;

internal sealed record IsDistinctExpr(Expr Left, Expr Right, bool Negated) : Expr;

internal sealed record CaseExpr(Expr? Operand, IReadOnlyList<(Expr When, Expr Then)> Whens, Expr? Else) : Expr;

/// <summary><c>CAST(x AS t)</c>, or <c>TRY_CAST</c>.</summary>
internal sealed record CastExpr(Expr Value, DataTypeSyntax Type, bool Try) : Expr;

internal sealed record ExistsExpr(SqlQuery Query) : Expr;

internal sealed record SubqueryExpr(SqlQuery Query) : Expr;

/// <summary><c>(a, b)</c>: a struct of its values (Spark), as in <c>(a, b) IN (...)</c> or <c>VALUES (1, 'a')</c>.</summary>
internal sealed record RowExpr(IReadOnlyList<Expr> Items) : Expr;

/// <summary><c>EXTRACT(field FROM source)</c>.</summary>
internal sealed record ExtractExpr(string Field, Expr Source) : Expr;

/// <summary>A window: a named one, or partitions, order and frame.</summary>
internal sealed record WindowSpec(string? Name, IReadOnlyList<Expr> PartitionBy, IReadOnlyList<SortItem> OrderBy, string? Frame) : Node;

/// <summary>An ORDER BY item; a null <paramref name="NullsFirst"/> means Spark's default (first ascending, last descending).</summary>
internal sealed record SortItem(Expr Value, bool Descending, bool? NullsFirst) : Node;

/// <summary>A data type as written: <c>int</c>, <c>decimal(10,2)</c>, <c>ARRAY&lt;t&gt;</c>, <c>MAP&lt;k, v&gt;</c>,
/// <c>STRUCT&lt;a: t&gt;</c>, <c>ROW(a t, ...)</c>.</summary>
internal abstract record DataTypeSyntax : Node;

internal sealed record PrimitiveTypeSyntax(string Name, IReadOnlyList<int> Arguments) : DataTypeSyntax;

internal sealed record ArrayTypeSyntax(DataTypeSyntax Element) : DataTypeSyntax;

internal sealed record MapTypeSyntax(DataTypeSyntax Key, DataTypeSyntax Value) : DataTypeSyntax;

internal sealed record StructTypeSyntax(IReadOnlyList<(Identifier Name, DataTypeSyntax Type)> Fields) : DataTypeSyntax;
