namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>How the front writes PostgreSQL: every name quoted exactly, every string a standard literal.</summary>
internal static class PgSql
{
    /// <summary>The schema of the front's run-time library (Spark's functions with Spark's semantics).</summary>
    public const string Runtime = "qsorm_spark";

    /// <summary>The schema of the composite types the front makes for struct shapes.</summary>
    public const string StructSchema = "qsorm_struct";

    /// <summary>A quoted PostgreSQL identifier.</summary>
    /// <remarks>
    /// Spark gives <c>SELECT ''</c> an empty column name, which PostgreSQL cannot write; such a name becomes PostgreSQL's own
    /// name for an unnamed column, the same wherever it is written, so references still meet their column.
    /// </remarks>
    public static string Identifier(string name)
        => name.Length == 0 ? "\"?column?\"" : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A string literal; NUL, which PostgreSQL text cannot hold, is refused by the caller.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A call of the run-time library.</summary>
    public static string Call(string function, params string[] arguments) => $"{Runtime}.{function}({string.Join(", ", arguments)})";
}
