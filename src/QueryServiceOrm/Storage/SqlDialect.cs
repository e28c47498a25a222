using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using QueryServiceOrm.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Storage.Internal.Mapping;

namespace QueryServiceOrm.Storage;

/// <summary>
/// How the library writes Query Service SQL (Spark SQL): names, literals, types and clauses. It is the one place that reads
/// the dialect's open switches (<see cref="QueryServiceDialect"/>); the SQL is the same for the service and the sandbox.
/// </summary>
internal sealed partial class SqlDialect(QueryServiceDialect switches)
{
    /// <summary>The documented forms.</summary>
    public static SqlDialect Default { get; } = new(QueryServiceDialect.Default);

    /// <summary>The switches this instance writes by.</summary>
    public QueryServiceDialect Switches { get; } = switches.Validate();

    /// <summary>
    /// Documented catalog command (sql/metadata); its first column is the table name. pg_catalog coverage is undocumented.
    /// </summary>
    public const string TableNamesSql = "SHOW TABLES";

    /// <summary>Documented: <c>LIMIT 0</c> removes the 50,000-row cap of a top-level query (it does not mean "no rows").</summary>
    public const string UncappedLimitClause = "LIMIT 0";

    /// <summary>An XDM column where a path starts: without double quotes, which dot paths may not carry.</summary>
    /// <param name="tableAlias">The alias of the column's table.</param>
    /// <param name="column">The column.</param>
    public string PathRoot(string tableAlias, string column) => $"{PathSegment(tableAlias)}.{PathSegment(column)}";

    /// <summary>
    /// One name, bare where Spark reads it as written, quoted by <see cref="QueryServiceDialect.IdentifierQuote"/> otherwise.
    /// </summary>
    /// <param name="name">The name.</param>
    public string PathSegment(string name)
        => PlainName().IsMatch(name) && !SparkKeywords.Contains(name)
            ? name
            : Switches.IdentifierQuote == QueryServiceIdentifierQuote.DoubleQuote
                ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                : "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

    /// <summary>The length of an XDM array, wherever it lies; NULL for a missing array (Spark's size would say -1).</summary>
    /// <param name="sql">The expression factory.</param>
    /// <param name="array">The array.</param>
    public static Microsoft.EntityFrameworkCore.Query.SqlExpressions.SqlExpression ArraySize(
        Microsoft.EntityFrameworkCore.Query.ISqlExpressionFactory sql,
        Microsoft.EntityFrameworkCore.Query.SqlExpressions.SqlExpression array)
        => sql.Case(
            [
                new Microsoft.EntityFrameworkCore.Query.SqlExpressions.CaseWhenClause(
                    sql.IsNotNull(array),
                    sql.Function("size", [array], nullable: true, argumentsPropagateNullability: [true], typeof(int))),
            ],
            elseResult: null);

    // Spark SQL's reserved words (ANSI mode) and the non-reserved ones that are risky as bare path segments.
    private static readonly HashSet<string> SparkKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "and", "any", "anti", "array", "as", "asc", "authorization", "between", "both", "by", "case", "cast", "check", "collate",
        "column", "constraint", "create", "cross", "cube", "current", "current_date", "current_time", "current_timestamp", "current_user",
        "date", "default", "delete", "desc", "distinct", "drop", "else", "end", "escape", "except", "exists", "false", "fetch", "filter",
        "for", "foreign", "from", "full", "function", "grant", "group", "grouping", "having", "in", "inner", "insert", "intersect",
        "interval",
        "into", "is", "join", "lateral", "leading", "left", "like", "limit", "map", "minus", "natural", "not", "null", "of", "offset", "on",
        "only", "or", "order", "outer", "overlaps", "partition", "primary", "references", "right", "rollup", "row", "rows", "select",
        "semi", "session_user", "set", "some", "start", "struct", "table", "tablesample", "then", "time", "timestamp", "to", "trailing",
        "true", "union", "unique", "unknown", "update", "user", "using", "values", "when", "where", "window", "with",
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();

    public string CastTypeName(string storeType)
    {
        var cast = StoreTypes.Find(storeType, out var arguments)?.Cast
                   ?? throw new NotSupportedException(
                       $"Query Service has no counterpart of the PostgreSQL type '{storeType}' for CAST; "
                       + "map the property to a Spark SQL type.");
        return arguments is null || cast != "decimal" ? cast : $"decimal({arguments})";
    }

    /// <summary>
    /// Writes a value as a literal of this dialect, escaped by its rules, or returns null for a value of a type
    /// this class does not write.
    /// </summary>
    /// <param name="value">The value (model or provider type).</param>
    /// <param name="typeMapping">Its type mapping; its value converter, if any, is applied first.</param>
    public string? TryWriteLiteral(object? value, RelationalTypeMapping? typeMapping)
    {
        if (IsEscapeStringMapping(typeMapping))
        {
            return value is string escaped ? EscapeStringLiteral(escaped) : null;
        }

        if (value is not null && typeMapping?.Converter is { } converter)
        {
            value = converter.ConvertToProvider(value);
        }

        return value switch
        {
            null => "NULL",
            string s => StringLiteral(s),
            char c => StringLiteral(c.ToString()),
            bool b => b ? "TRUE" : "FALSE",
            sbyte or byte or short or ushort or int or uint or long or ulong => Convert.ToString(value, CultureInfo.InvariantCulture),
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            double d => FloatingLiteral(d, "double"),
            float f => FloatingLiteral(f, "float"),
            DateTime t => TimestampLiteral(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t),
            DateTimeOffset o => TimestampLiteral(o.UtcDateTime),
            DateOnly d => $"DATE '{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'",
            Guid g => typeMapping?.StoreType is null or "uuid"
                ? $"CAST({StringLiteral(g.ToString())} AS {CastTypeName("uuid")})"
                : StringLiteral(g.ToString()),
            Enum e => Convert.ToString(
                Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    /// <summary>
    /// The column type of a scalar in CREATE TABLE, from the types the service documents (text, integer, bigint, float,
    /// boolean, datetime, date), or null for a C# type none of them holds exactly (decimal among them: XDM has none).
    /// </summary>
    /// <param name="clrType">The C# type (not nullable).</param>
    public string? ScalarColumnType(Type clrType)
        => clrType == typeof(double) && Switches.DoubleColumnType == QueryServiceDoubleColumnType.Float
            ? "float"
            : StoreTypes.For(clrType)?.CreateColumn;

    /// <summary>
    /// The type of a column added by <c>ALTER TABLE ... ADD COLUMN</c>, which the service documents with its own short list
    /// (bigint, integer, smallint, tinyint, varchar(n), char(n), double, date, datetime), or null for a type not in it.
    /// </summary>
    /// <param name="clrType">What the column stores.</param>
    /// <param name="maxLength">The property's maximum length, for text.</param>
    public static string? AddColumnType(Type clrType, int? maxLength)
        => clrType == typeof(string)
            ? maxLength is > 0 ? $"varchar({maxLength})" : null
            : StoreTypes.For(clrType)?.AddColumn;

    /// <summary>
    /// The statement that makes a column the dataset's primary key in an identity namespace (documented:
    /// <c>ALTER TABLE t ADD CONSTRAINT PRIMARY KEY (c) NAMESPACE 'ns'</c>).
    /// </summary>
    /// <param name="table">The table, delimited.</param>
    /// <param name="column">The column, delimited.</param>
    /// <param name="identityNamespace">The identity namespace.</param>
    public static string AddPrimaryKeyStatement(string table, string column, string identityNamespace)
        => $"ALTER TABLE {table} ADD CONSTRAINT PRIMARY KEY ({column}) NAMESPACE {StringLiteral(identityNamespace)}";

    /// <summary>The column type of an XDM object: an inline <c>ROW(field type, ...)</c>.</summary>
    /// <param name="fields">The fields: XDM name and column type.</param>
    public string StructColumnType(IReadOnlyList<(string Name, string Type)> fields)
        => $"ROW({string.Join(", ", fields.Select(f => $"{PathSegment(f.Name)} {f.Type}"))})";

    /// <summary>The column type of an array.</summary>
    /// <param name="elementType">The element's column type.</param>
    public static string ArrayColumnType(string elementType) => $"ARRAY<{elementType}>";

    /// <summary>The column type of a map with string keys.</summary>
    /// <param name="valueType">The value's column type.</param>
    public static string MapColumnType(string valueType) => $"MAP<text, {valueType}>";

    /// <summary>What follows a column that is the dataset's primary identity.</summary>
    /// <param name="identityNamespace">The identity namespace.</param>
    public static string PrimaryIdentityClause(string identityNamespace)
        => $" PRIMARY IDENTITY NAMESPACE {StringLiteral(identityNamespace)}";

    /// <summary>What follows the column list of a profile dataset.</summary>
    public const string ProfileDatasetClause = " WITH (LABEL='PROFILE')";

    /// <summary>The WITH clause of a CTAS (schema, row validation, label), or an empty string.</summary>
    /// <param name="xdmSchema">The XDM schema title, or null.</param>
    /// <param name="rowValidation">Row validation, or null for the service's default.</param>
    /// <param name="label">The dataset label (PROFILE), or null.</param>
    // Documented: CREATE TABLE t WITH (schema='title', rowvalidation='false', label='PROFILE') AS SELECT ...
    public string CreateTableOptions(string? xdmSchema, bool? rowValidation, string? label)
    {
        var options = new List<string>();
        if (xdmSchema is not null)
        {
            options.Add("schema=" + StringLiteral(xdmSchema));
        }

        if (rowValidation is { } validate)
        {
            options.Add("rowvalidation=" + StringLiteral(validate ? "true" : "false"));
        }

        if (label is not null)
        {
            options.Add("label=" + StringLiteral(label));
        }

        return options.Count == 0 ? "" : $" WITH ({string.Join(", ", options)})";
    }

    /// <summary>
    /// A whole XDM value (object, array or map) as an expression an append can select into its column: nested
    /// <c>struct(expr AS field, ...)</c>, <c>array(...)</c> and <c>map(...)</c>.
    /// </summary>
    /// <param name="value">The value, never null.</param>
    public string XdmValueLiteral(object value) => SparkValue(value, value.GetType());

    /// <summary>A NULL of a column's type, so that the inline table of appended rows types the column as its target does.</summary>
    /// <param name="typeMapping">The column's type mapping.</param>
    public string TypedNull(RelationalTypeMapping typeMapping)
        => Xdm.XdmTypeMappings.IsXdm(typeMapping) ? "NULL" : $"CAST(NULL AS {CastTypeName(typeMapping.StoreType)})";

    /// <inheritdoc />
    public override string ToString() => Switches.ToString();

    // Walks the C# value by its declared types, so that a dictionary becomes a map and a class a struct even when empty.
    // The depth bound turns a cycle (an object holding itself) into an error instead of a stack overflow.
    private string SparkValue(object? value, Type type, int depth = 0)
    {
        if (value is null)
        {
            return "NULL";
        }

        if (depth > MaxXdmDepth)
        {
            throw new NotSupportedException(
                $"An XDM value nests deeper than {MaxXdmDepth} levels (a {type.Name} inside itself?): it cannot be written.");
        }

        if (TryWriteLiteral(value, typeMapping: null) is { } literal)
        {
            return literal;
        }

        if (value is System.Collections.IDictionary map && Xdm.XdmTypeMappings.IsMap(type))
        {
            var valueType = type.GetGenericArguments()[1];
            var entries = new List<string>();
            for (var entry = map.GetEnumerator(); entry.MoveNext();)
            {
                entries.Add($"{StringLiteral((string)entry.Key)}, {SparkValue(entry.Value, valueType, depth + 1)}");
            }

            return "map(" + string.Join(", ", entries) + ")";
        }

        if (value is System.Collections.IEnumerable items && Xdm.XdmNames.ElementType(type) is { } elementType)
        {
            return "array(" + string.Join(", ", items.Cast<object?>().Select(item => SparkValue(item, elementType, depth + 1))) + ")";
        }

        return "struct(" + string.Join(", ", Xdm.XdmNames.Fields(value.GetType()).Select(field =>
            $"{SparkValue(field.Property.GetValue(value), field.Property.PropertyType, depth + 1)} AS {PathSegment(field.Name)}")) + ")";
    }

    private const int MaxXdmDepth = 32;

    /// <summary>
    /// Spark string literals treat backslash as an escape and join adjacent literals (<c>'a' 'b'</c> is <c>ab</c>), and the
    /// service's wire front rewrites the text before Spark sees it (<c>#name</c> templates) by rules nobody documents. So
    /// every character that could matter to any of those layers (quote, backslash, <c>#</c>, control characters) is
    /// written as Spark's <c>\uXXXX</c> escape: the literal then holds no quote or backslash pair a lexer could misread.
    /// </summary>
    private static string StringLiteral(string value) => Escaped(value, escapeBackslash: true);

    // Npgsql's E'' constants carry backslash escapes meant to be read (\t, \n): Spark reads the same escapes.
    private static string EscapeStringLiteral(string value) => Escaped(value, escapeBackslash: false);

    private static string Escaped(string value, bool escapeBackslash)
    {
        var builder = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            if (c is '\'' or '#' or < ' ' or '\u007f' || (c == '\\' && escapeBackslash))
            {
                builder.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('\'').ToString();
    }

    // The service stores timestamps in UTC and reads timestamp literals in the session time zone (UTC).
    private static string TimestampLiteral(DateTime utc)
        => $"TIMESTAMP '{utc.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}'";

    // Cast from text, which Spark reads exactly, negative zero, NaN and infinities included.
    private static string FloatingLiteral(double value, string sparkType)
        => "CAST("
           + StringLiteral(
               double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture)
               : double.IsNaN(value) ? "NaN"
               : value > 0 ? "Infinity"
               : "-Infinity")
           + $" AS {sparkType})";

    // Npgsql writes some constants as E'...' strings whose value holds the backslash escapes itself; only Npgsql reads them right.
#pragma warning disable EF1001 // Npgsql's E'...' mapping is internal; naming its type beats comparing type names.
    private static bool IsEscapeStringMapping(RelationalTypeMapping? typeMapping) => typeMapping is NpgsqlEStringTypeMapping;
#pragma warning restore EF1001

}
