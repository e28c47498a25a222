// Builds Npgsql's array-index expression for regexp_extract's PostgreSQL equivalent.
#pragma warning disable EF1001

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Expressions.Internal;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Storage;

/// <summary>The SQL for the PostgreSQL stand-in.</summary>
internal sealed partial class PostgreSqlDialect : SqlDialect
{
    public override QueryServiceDialect Kind => QueryServiceDialect.PostgreSql;

    // Query Service shows datasets in schema public, and the stand-in keeps them there; PostgreSQL has no SHOW TABLES.
    public override string TableNamesSql =>
        "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " +
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY c.relname";

    public override string ExclusiveOrOperator => " # ";

    public override string? RegexMatchOperator => null;

    public override bool HasHigherOrderFunctions => false;

    public override bool MapsAreJson => true;

    public override string MapArraySizeFunction => "jsonb_array_length";

    public override string ExplodeFunction => "unnest";

    public override string ComparableToJsonFunction => "to_jsonb";

    public override bool SupportsSnapshots => false;

    public override bool AllowsProviderLiterals => true;

    public override string IntegerDivideOperator => " / ";

    public override string SubstringPositionFunction => "strpos";

    public override (string Field, int Offset) DayOfWeekPart => ("dow", 0);

    public override string? UncappedLimitClause => null;

    public override string CastTypeName(string storeType) => storeType;

    // The table's own row type knows every nested type by name; the generator of the JSON is the converter that reads it back.
    public override string XdmValueLiteral(object value, RelationalTypeMapping typeMapping, string table, string column)
        => $"(json_populate_record(CAST(NULL AS {table}), {StringLiteral("{" + System.Text.Json.JsonSerializer.Serialize(column) + ":" + (string)typeMapping.Converter!.ConvertToProvider(value)! + "}")})).{PathSegment(column)}";

    public override string CreateTableOptions(string? xdmSchema, bool? rowValidation, string? label) => "";

    protected override string ColumnTypeName(string documentedType)
        => documentedType switch
        {
            "float" or "double" => "double precision",
            "tinyint" => "smallint",
            "datetime" => "timestamp with time zone",
            _ => documentedType,
        };

    public override string StructColumnType(string typeName, IReadOnlyList<(string Name, string Type)> fields, List<(string Name, string Definition)> definitions)
    {
        var name = PathSegment(typeName);
        definitions.Add((name, $"CREATE TYPE {name} AS ({string.Join(", ", fields.Select(f => $"{PathSegment(f.Name)} {f.Type}"))})"));
        return name;
    }

    public override string ArrayColumnType(string elementType) => elementType + "[]";

    // The stand-in keeps maps as jsonb (it has no map type).
    public override string MapColumnType(string valueType) => "jsonb";

    public override string PrimaryIdentityClause(string identityNamespace) => "";

    public override string AddPrimaryKeyStatement(string table, string column, string identityNamespace) => $"ALTER TABLE {table} ADD PRIMARY KEY ({column})";

    public override string ProfileDatasetClause => "";

    public override IReadOnlyList<string> CreateTableStatements(IReadOnlyList<(string Name, string Definition)> definitions, string createTable, string? ifNotExistsTable)
    {
        string[] statements = [.. definitions.Reverse().Select(d => $"DROP TYPE IF EXISTS {d.Name}"), .. definitions.Select(d => d.Definition), createTable];
        return ifNotExistsTable is null || definitions.Count == 0
            ? statements
            : [$"DO $qsorm$ BEGIN IF to_regclass({StringLiteral(ifNotExistsTable)}) IS NULL THEN {string.Join("; ", statements)}; END IF; END $qsorm$"];
    }

    public override (string Before, string After) XdmWriteConversion(string table, string column)
        => ($"(json_populate_record(CAST(NULL AS {table}), json_build_object({StringLiteral(column)}, ", $"))).{PathSegment(column)}");

    public override string TypedNull(RelationalTypeMapping typeMapping, string table, string column) => $"(CAST(NULL AS {table})).{PathSegment(column)}";


    // Every name is quoted, so camelCase and digit-led names keep; composite fields need their base in parentheses.
    public override string PathSegment(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public override bool ParenthesizesPathBase => true;

    public override int ArrayIndexBase => 1;

    public override string ArraySizeFunction => "cardinality";

    public override SqlExpression SparkFunction(
        string function, IReadOnlyList<SqlExpression> arguments, ISqlExpressionFactory sql, Type returnType, IRelationalTypeMappingSource typeMappings)
        => function switch
        {
            "date_format" => Call(sql, "to_char", [arguments[0], PostgresPattern(arguments[1], sql)], returnType),
            "to_timestamp" => Call(sql, "to_timestamp", [arguments[0], PostgresPattern(arguments[1], sql)], returnType),
            // The argument is a UTC time: as timestamptz whatever its column type, so timezone() converts from UTC, not to it.
            "from_utc_timestamp" => Call(sql, "timezone", [arguments[1], sql.Convert(arguments[0], typeof(DateTimeOffset), typeMappings.FindMapping(typeof(DateTimeOffset)))], returnType),

            // Wrapping the pattern in a group makes group 0 (the whole match) the first element; Spark gives '' for no match.
            "regexp_extract" => sql.Coalesce(
                new PgArrayIndexExpression(
                    sql.Function(
                        "regexp_match", [arguments[0], sql.Add(sql.Add(sql.Constant("("), arguments[1]), sql.Constant(")"))],
                        nullable: true, [true, true], typeof(string[]), typeMappings.FindMapping(typeof(string[]))),
                    sql.Add(arguments[2], sql.Constant(1)),
                    nullable: true, typeof(string), arguments[0].TypeMapping),
                sql.Constant("")),
            _ => throw new NotSupportedException($"The PostgreSQL stand-in has no equivalent of {function}."),
        };

    private static SqlExpression Call(ISqlExpressionFactory sql, string name, SqlExpression[] arguments, Type returnType)
        => sql.Function(name, arguments, nullable: true, arguments.Select(_ => true), returnType);

    // Java date letters to PostgreSQL template patterns, for the letters date_format and to_timestamp are used with most.
    private static SqlExpression PostgresPattern(SqlExpression pattern, ISqlExpressionFactory sql)
        => pattern is SqlConstantExpression { Value: string java }
            ? sql.Constant(JavaPattern().Replace(java, m => m.Value switch
            {
                "yyyy" => "YYYY",
                "yy" => "YY",
                "MM" => "MM",
                "dd" => "DD",
                "HH" => "HH24",
                "mm" => "MI",
                "ss" => "SS",
                "SSS" => "MS",
                _ => throw new NotSupportedException($"The PostgreSQL stand-in does not translate the date pattern letters '{m.Value}'."),
            }))
            : throw new NotSupportedException("On the PostgreSQL stand-in the date pattern must be a constant.");

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex JavaPattern();

    /// <summary>
    /// An escape string (<c>E'...'</c>), which reads the same whatever standard_conforming_strings says (a pooled session
    /// may have changed it): backslash doubled, quote doubled. PostgreSQL text cannot hold U+0000 at all, so such a value
    /// is refused rather than cut short.
    /// </summary>
    protected override string StringLiteral(string value)
        => value.Contains('\0', StringComparison.Ordinal)
            ? throw new ArgumentException("PostgreSQL text cannot contain the character U+0000 (NUL).", nameof(value))
            : "E'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    protected override string TimestampLiteral(DateTime utc, bool withTimeZone)
        => withTimeZone ? $"TIMESTAMPTZ '{FormatTimestamp(utc)}Z'" : $"TIMESTAMP '{FormatTimestamp(utc)}'";
}
