using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Storage;

/// <summary>The SQL that Adobe documents for Query Service (Spark SQL).</summary>
internal sealed partial class QueryServiceSqlDialect : SqlDialect
{
    public override QueryServiceDialect Kind => QueryServiceDialect.QueryService;

    // Documented catalog command (sql/metadata); its first column is the table name. pg_catalog coverage is undocumented.
    public override string TableNamesSql => "SHOW TABLES";

    // Spark's XOR; PostgreSQL's '#' would be taken for a saved-template reference by the service.
    public override string ExclusiveOrOperator => " ^ ";

    public override string? RegexMatchOperator => " RLIKE ";

    public override bool HasHigherOrderFunctions => true;

    public override bool MapsAreJson => false;

    public override string MapArraySizeFunction => "size";

    public override string ExplodeFunction => "explode";

    public override string ComparableToJsonFunction => "to_json";

    public override bool SupportsSnapshots => true;

    public override bool AllowsProviderLiterals => false;

    public override string IntegerDivideOperator => " DIV ";

    public override string SubstringPositionFunction => "instr";

    // Spark numbers the days 1 (Sunday) to 7.
    public override (string Field, int Offset) DayOfWeekPart => ("dayofweek", -1);

    // Documented: LIMIT 0 removes the 50,000-row cap (it does not mean "no rows").
    public override string UncappedLimitClause => "LIMIT 0";

    public override SqlExpression SparkFunction(
        string function, IReadOnlyList<SqlExpression> arguments, ISqlExpressionFactory sql, Type returnType, IRelationalTypeMappingSource typeMappings)
        => sql.Function(function, arguments, nullable: true, arguments.Select(_ => true), returnType);

    // Dot paths may not be combined with double quotes on the service; reserved words and irregular names take back-quotes.
    public override string PathSegment(string name)
        => PlainName().IsMatch(name) && !SparkKeywords.Contains(name) ? name : "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

    public override bool ParenthesizesPathBase => false;

    public override int ArrayIndexBase => 0;

    public override string ArraySizeFunction => "size";

    // Spark SQL's reserved words (ANSI mode) and the non-reserved ones that are risky as bare path segments.
    private static readonly HashSet<string> SparkKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "and", "any", "anti", "array", "as", "asc", "authorization", "between", "both", "by", "case", "cast", "check", "collate",
        "column", "constraint", "create", "cross", "cube", "current", "current_date", "current_time", "current_timestamp", "current_user",
        "date", "default", "delete", "desc", "distinct", "drop", "else", "end", "escape", "except", "exists", "false", "fetch", "filter",
        "for", "foreign", "from", "full", "function", "grant", "group", "grouping", "having", "in", "inner", "insert", "intersect", "interval",
        "into", "is", "join", "lateral", "leading", "left", "like", "limit", "map", "minus", "natural", "not", "null", "of", "offset", "on",
        "only", "or", "order", "outer", "overlaps", "partition", "primary", "references", "right", "rollup", "row", "rows", "select",
        "semi", "session_user", "set", "some", "start", "struct", "table", "tablesample", "then", "time", "timestamp", "to", "trailing",
        "true", "union", "unique", "unknown", "update", "user", "using", "values", "when", "where", "window", "with",
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();

    public override string CastTypeName(string storeType)
    {
        var match = ParameterizedType().Match(storeType);
        var name = match.Success ? match.Groups["name"].Value : storeType;
        var arguments = match.Success ? match.Groups["args"].Value : null;
        return name switch
        {
            "integer" or "int" or "int4" => "int",
            "bigint" or "int8" => "bigint",
            "smallint" or "int2" => "smallint",
            "boolean" or "bool" => "boolean",
            "double precision" or "float8" => "double",
            "real" or "float4" => "float",
            "numeric" or "decimal" => arguments is null ? "decimal" : $"decimal({arguments})",
            "text" or "character varying" or "varchar" or "character" or "char" or "uuid" or "citext" => "string",
            "timestamp with time zone" or "timestamptz" or "timestamp without time zone" or "timestamp" => "timestamp",
            "date" => "date",
            "bytea" => "binary",
            _ => throw new NotSupportedException(
                $"Query Service has no counterpart of the PostgreSQL type '{storeType}' for CAST; map the property to a Spark SQL type."),
        };
    }

    public override string XdmValueLiteral(object value, RelationalTypeMapping typeMapping, string table, string column)
        => SparkValue(value, value.GetType());

    // Documented: CREATE TABLE t WITH (schema='title', rowvalidation='false', label='PROFILE') AS SELECT ...
    public override string CreateTableOptions(string? xdmSchema, bool? rowValidation, string? label)
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

    public override string StructColumnType(string typeName, IReadOnlyList<(string Name, string Type)> fields, List<(string Name, string Definition)> definitions)
        => $"ROW({string.Join(", ", fields.Select(f => $"{PathSegment(f.Name)} {f.Type}"))})";

    public override string ArrayColumnType(string elementType) => $"ARRAY<{elementType}>";

    public override string MapColumnType(string valueType) => $"MAP<text, {valueType}>";

    public override string PrimaryIdentityClause(string identityNamespace) => $" PRIMARY IDENTITY NAMESPACE {StringLiteral(identityNamespace)}";

    public override string ProfileDatasetClause => " WITH (LABEL='PROFILE')";

    public override string AddPrimaryKeyStatement(string table, string column, string identityNamespace)
        => $"ALTER TABLE {table} ADD CONSTRAINT PRIMARY KEY ({column}) NAMESPACE {StringLiteral(identityNamespace)}";

    public override (string Before, string After) XdmWriteConversion(string table, string column) => ("", "");

    public override string TypedNull(RelationalTypeMapping typeMapping, string table, string column)
        => typeMapping.Converter is Xdm.IXdmObjectConverter ? "NULL" : $"CAST(NULL AS {CastTypeName(typeMapping.StoreType)})";

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
            throw new NotSupportedException($"An XDM value nests deeper than {MaxXdmDepth} levels (a {type.Name} inside itself?): it cannot be written.");
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
    protected override string StringLiteral(string value) => Escaped(value, escapeBackslash: true);

    // Npgsql's E'' constants carry backslash escapes meant to be read (\t, \n): Spark reads the same escapes.
    protected override string? EscapeStringLiteral(string value) => Escaped(value, escapeBackslash: false);

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
    protected override string TimestampLiteral(DateTime utc, bool withTimeZone) => $"TIMESTAMP '{FormatTimestamp(utc)}'";

    [GeneratedRegex(@"^(?<name>[a-z ]+?)\s*\((?<args>[0-9, ]+)\)$")]
    private static partial Regex ParameterizedType();
}
