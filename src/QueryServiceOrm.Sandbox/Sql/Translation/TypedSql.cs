namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>
/// A translated expression: PostgreSQL text, always safe to use as an operand, and the Spark type of its value. A value that
/// lies inside a map (or a nested array) is held as JSON on the backend: <see cref="IsJson"/> says the text is a jsonb
/// value of <see cref="Type"/>, turned into a native value where one is needed.
/// </summary>
internal sealed record TypedSql(string Text, SparkType Type, bool IsJson = false)
{
    public static readonly TypedSql Null = new("NULL", SparkType.Null);

    public static TypedSql Bool(string text) => new(text, SparkType.Boolean);

    public static TypedSql Of(string text, SparkType type) => new(text, type);

    /// <summary>Whether the value is held as JSON, as maps and values inside them are.</summary>
    public bool HeldAsJson => IsJson || Type is MapType || Type is ArrayType { IsJsonBacked: true };

    /// <summary>
    /// <c>IS [NOT] NULL</c> of this value. PostgreSQL's IS NULL is true of a row whose fields are all NULL (and IS NOT NULL false
    /// of a row with any NULL field), while Spark's struct with NULL fields is a value: a struct is tested as the one value it is.
    /// </summary>
    public string IsNullTest(bool negated = false)
        => Type is StructType && !HeldAsJson
            ? $"({Text} IS {(negated ? "" : "NOT ")}DISTINCT FROM NULL)"
            : $"({Text} IS {(negated ? "NOT " : "")}NULL)";

    public override string ToString() => $"{Text} :: {Type}";
}
