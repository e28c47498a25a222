using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Storage;

/// <summary>
/// The SQL that differs between Query Service and the PostgreSQL stand-in. Every such difference is a
/// member here, and <see cref="For"/> is the only place that looks at <see cref="QueryServiceDialect"/>,
/// so no other code branches on the dialect.
/// </summary>
public abstract class SqlDialect
{
    private static readonly SqlDialect Service = new QueryServiceSqlDialect();
    private static readonly SqlDialect Postgres = new PostgreSqlDialect();

    // The two dialects are the library's; applications choose between them with QueryServiceDialect.
    internal SqlDialect()
    {
    }

    /// <summary>The dialect this instance writes.</summary>
    public abstract QueryServiceDialect Kind { get; }

    /// <summary>A statement whose first column lists the tables visible to the session.</summary>
    public abstract string TableNamesSql { get; }

    /// <summary>The XOR operator for integers (PostgreSQL's is <c>#</c>, which must never reach the service).</summary>
    public abstract string ExclusiveOrOperator { get; }

    /// <summary>
    /// What the top-level query ends with when the caller asked for every row: the service caps unlimited results
    /// unless told <c>LIMIT 0</c>; PostgreSQL needs nothing.
    /// </summary>
    public abstract string? UncappedLimitClause { get; }

    /// <summary>The integer division operator (Spark's <c>/</c> always divides as floating point).</summary>
    public abstract string IntegerDivideOperator { get; }

    /// <summary>The function giving the 1-based position of a substring (0 when absent): <c>strpos</c> or <c>instr</c>.</summary>
    public abstract string SubstringPositionFunction { get; }

    /// <summary>The <c>date_part</c> field for the day of the week, and what to add to get 0 for Sunday.</summary>
    public abstract (string Field, int Offset) DayOfWeekPart { get; }

    /// <summary>The operator matching a regular expression, or null to keep Npgsql's <c>~</c> operators.</summary>
    public abstract string? RegexMatchOperator { get; }

    /// <summary>
    /// Builds a call of one of the Spark functions of <see cref="Microsoft.EntityFrameworkCore.QueryServiceDbFunctionsExtensions"/>:
    /// the function itself on the service, its equivalent on PostgreSQL.
    /// </summary>
    /// <param name="function">The Spark function name, e.g. <c>date_format</c>.</param>
    /// <param name="arguments">Its arguments, translated.</param>
    /// <param name="sql">The expression factory.</param>
    /// <param name="returnType">The CLR type of the result.</param>
    /// <param name="typeMappings">The type mappings, for intermediate values such as arrays.</param>
    public abstract Microsoft.EntityFrameworkCore.Query.SqlExpressions.SqlExpression SparkFunction(
        string function,
        IReadOnlyList<Microsoft.EntityFrameworkCore.Query.SqlExpressions.SqlExpression> arguments,
        Microsoft.EntityFrameworkCore.Query.ISqlExpressionFactory sql,
        Type returnType,
        IRelationalTypeMappingSource typeMappings);

    /// <summary>An XDM column where a path starts: on the service without double quotes, which dot paths may not carry.</summary>
    /// <param name="tableAlias">The alias of the column's table.</param>
    /// <param name="column">The column.</param>
    public string PathRoot(string tableAlias, string column) => $"{PathSegment(tableAlias)}.{PathSegment(column)}";

    /// <summary>One field name of a path, quoted as the dialect needs.</summary>
    /// <param name="name">The XDM field name.</param>
    public abstract string PathSegment(string name);

    /// <summary>Whether a field access needs its base in parentheses (PostgreSQL composites do).</summary>
    public abstract bool ParenthesizesPathBase { get; }

    /// <summary>The index of an array's first element (0 in Spark, 1 in PostgreSQL).</summary>
    public abstract int ArrayIndexBase { get; }

    /// <summary>The function giving an array's length (<c>size</c> or <c>cardinality</c>).</summary>
    public abstract string ArraySizeFunction { get; }

    /// <summary>The function giving the length of an array inside a map (<c>jsonb_array_length</c> where maps are JSON).</summary>
    public abstract string MapArraySizeFunction { get; }

    /// <summary>The length of an XDM array, wherever it lies; NULL for a missing array (Spark's size would say -1).</summary>
    /// <param name="sql">The expression factory.</param>
    /// <param name="array">The array.</param>
    public Microsoft.EntityFrameworkCore.Query.SqlExpressions.SqlExpression ArraySize(
        Microsoft.EntityFrameworkCore.Query.ISqlExpressionFactory sql, Microsoft.EntityFrameworkCore.Query.SqlExpressions.SqlExpression array)
        => sql.Case(
            [
                new Microsoft.EntityFrameworkCore.Query.SqlExpressions.CaseWhenClause(
                    sql.IsNotNull(array),
                    sql.Function(
                        Xdm.XdmTypeMappings.IsUnderMap(array) ? MapArraySizeFunction : ArraySizeFunction, [array],
                        nullable: true, argumentsPropagateNullability: [true], typeof(int))),
            ],
            elseResult: null);

    /// <summary>
    /// The generator that turns an array into one row per element (SelectMany): <c>explode</c> on the service, <c>unnest</c>
    /// on PostgreSQL. Both are written in a lateral one-column subquery (<c>JOIN LATERAL (SELECT explode(a) AS value) AS x
    /// ON TRUE</c>), the form both grammars document; Spark's own <c>LATERAL VIEW</c> is the alternative should the live
    /// suite show the service refusing it.
    /// </summary>
    public abstract string ExplodeFunction { get; }

    /// <summary>The function that turns a struct (composite) into JSON text for the client: <c>to_json</c>.</summary>
    public string ToJsonFunction => "to_json";

    /// <summary>
    /// The same where the server compares the JSON (DISTINCT, set operations): <c>to_jsonb</c> on PostgreSQL, whose json type
    /// has no equality; elsewhere the cheaper <c>to_json</c>, which PostgreSQL writes in two thirds of jsonb's time.
    /// </summary>
    public abstract string ComparableToJsonFunction { get; }

    /// <summary>
    /// Whether predicates over arrays are written with higher-order functions (<c>exists(a, x -&gt; ...)</c>, Spark) rather
    /// than subqueries over <c>unnest(a)</c> (PostgreSQL).
    /// </summary>
    public abstract bool HasHigherOrderFunctions { get; }

    /// <summary>
    /// Whether XDM maps are stored as JSON (jsonb on the stand-in, which has no map type), so that everything under a map
    /// is reached with JSON operators; on the service maps are native and take <c>map['key']</c>.
    /// </summary>
    public abstract bool MapsAreJson { get; }

    /// <summary>Whether tables can be read as of a snapshot (time travel).</summary>
    public abstract bool SupportsSnapshots { get; }

    /// <summary>Whether a value this class cannot write as a literal may be left to Npgsql's own type mappings.</summary>
    public abstract bool AllowsProviderLiterals { get; }

    /// <summary>The implementation of a dialect.</summary>
    /// <param name="dialect">The dialect chosen in the credentials.</param>
    public static SqlDialect For(QueryServiceDialect dialect)
        => dialect switch
        {
            QueryServiceDialect.QueryService => Service,
            QueryServiceDialect.PostgreSql => Postgres,
            _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "Unknown Query Service dialect."),
        };

    /// <summary>The type name to use in <c>CAST(x AS type)</c> for a PostgreSQL store type.</summary>
    /// <param name="storeType">The store type of Npgsql's type mapping, e.g. <c>integer</c> or <c>numeric(10,2)</c>.</param>
    public abstract string CastTypeName(string storeType);

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
            double d => FloatingLiteral(d, "double precision"),
            float f => FloatingLiteral(f, "real"),
            DateTime t => TimestampLiteral(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t, IsTimestampWithTimeZone(typeMapping, t)),
            DateTimeOffset o => TimestampLiteral(o.UtcDateTime, withTimeZone: true),
            DateOnly d => $"DATE '{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'",
            Guid g => typeMapping?.StoreType is null or "uuid" ? $"CAST({StringLiteral(g.ToString())} AS {CastTypeName("uuid")})" : StringLiteral(g.ToString()),
            Enum e => Convert.ToString(Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    /// <summary>
    /// The column type of a scalar in CREATE TABLE, from the types the service documents (text, integer, bigint, float,
    /// boolean, datetime, date), or null for a C# type none of them holds exactly (decimal among them: XDM has none).
    /// </summary>
    /// <param name="clrType">The C# type (not nullable).</param>
    public string? ScalarColumnType(Type clrType)
        => Type.GetTypeCode(clrType.IsEnum ? Enum.GetUnderlyingType(clrType) : clrType) switch
        {
            TypeCode.String or TypeCode.Char => ColumnTypeName("text"),
            TypeCode.Int32 or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Byte or TypeCode.SByte => ColumnTypeName("integer"),
            TypeCode.Int64 or TypeCode.UInt32 => ColumnTypeName("bigint"),
            TypeCode.Double or TypeCode.Single => ColumnTypeName("float"),
            TypeCode.Boolean => ColumnTypeName("boolean"),
            TypeCode.DateTime => ColumnTypeName("datetime"),
            _ when clrType == typeof(DateTimeOffset) => ColumnTypeName("datetime"),
            _ when clrType == typeof(DateOnly) => ColumnTypeName("date"),
            _ when clrType == typeof(Guid) => ColumnTypeName("text"),
            _ => null,
        };

    /// <summary>
    /// The type of a column added by <c>ALTER TABLE ... ADD COLUMN</c>, which the service documents with its own short list
    /// (bigint, integer, smallint, tinyint, varchar(n), char(n), double, date, datetime), or null for a type not in it.
    /// </summary>
    /// <param name="clrType">What the column stores.</param>
    /// <param name="maxLength">The property's maximum length, for text.</param>
    public string? AddColumnType(Type clrType, int? maxLength)
        => Type.GetTypeCode(clrType.IsEnum ? Enum.GetUnderlyingType(clrType) : clrType) switch
        {
            TypeCode.String when maxLength is > 0 => ColumnTypeName("varchar") + $"({maxLength})",
            TypeCode.Int64 or TypeCode.UInt32 => ColumnTypeName("bigint"),
            TypeCode.Int32 or TypeCode.UInt16 => ColumnTypeName("integer"),
            TypeCode.Int16 or TypeCode.Byte => ColumnTypeName("smallint"),
            TypeCode.SByte => ColumnTypeName("tinyint"),
            TypeCode.Double or TypeCode.Single => ColumnTypeName("double"),
            TypeCode.DateTime => ColumnTypeName("datetime"),
            _ when clrType == typeof(DateTimeOffset) => ColumnTypeName("datetime"),
            _ when clrType == typeof(DateOnly) => ColumnTypeName("date"),
            _ => null,
        };

    /// <summary>
    /// The statement that makes a column the dataset's primary key in an identity namespace:
    /// <c>ALTER TABLE t ADD CONSTRAINT PRIMARY KEY (c) NAMESPACE 'ns'</c> on the service, a plain primary key on the stand-in.
    /// </summary>
    /// <param name="table">The table, delimited.</param>
    /// <param name="column">The column, delimited.</param>
    /// <param name="identityNamespace">The identity namespace.</param>
    public abstract string AddPrimaryKeyStatement(string table, string column, string identityNamespace);

    /// <summary>This dialect's name for a type the service documents for CREATE TABLE.</summary>
    /// <param name="documentedType">The documented name.</param>
    protected virtual string ColumnTypeName(string documentedType) => documentedType;

    /// <summary>
    /// The column type of an XDM object: an inline <c>ROW(field type, ...)</c> on the service; on the stand-in a composite
    /// type created beforehand (the statements needed are added to <paramref name="definitions"/>) and named as the service
    /// shows them, <c>&lt;table&gt;_&lt;column&gt;</c>.
    /// </summary>
    /// <param name="typeName">The composite type's name where one is needed (lower case, derived from table and path).</param>
    /// <param name="fields">The fields: XDM name and column type.</param>
    /// <param name="definitions">The type definitions the table needs, in creation order.</param>
    public abstract string StructColumnType(string typeName, IReadOnlyList<(string Name, string Type)> fields, List<(string Name, string Definition)> definitions);

    /// <summary>The column type of an array (<c>ARRAY&lt;t&gt;</c> or <c>t[]</c>).</summary>
    /// <param name="elementType">The element's column type.</param>
    public abstract string ArrayColumnType(string elementType);

    /// <summary>The column type of a map with string keys (<c>MAP&lt;text, t&gt;</c>, or jsonb on the stand-in).</summary>
    /// <param name="valueType">The value's column type.</param>
    public abstract string MapColumnType(string valueType);

    /// <summary>What follows a column that is the dataset's primary identity (nothing where identities do not exist).</summary>
    /// <param name="identityNamespace">The identity namespace.</param>
    public abstract string PrimaryIdentityClause(string identityNamespace);

    /// <summary>What follows the column list of a profile dataset (nothing where datasets have no labels).</summary>
    public abstract string ProfileDatasetClause { get; }

    /// <summary>
    /// The statements that create a table with its type definitions: on the stand-in composite types left behind by a
    /// dropped table of the same name are dropped first (never with CASCADE: a type still in use stops the creation).
    /// </summary>
    /// <param name="definitions">The type definitions, in creation order.</param>
    /// <param name="createTable">The CREATE TABLE statement.</param>
    /// <param name="ifNotExistsTable">
    /// The table, delimited, when the statement is <c>CREATE TABLE IF NOT EXISTS</c>: on the stand-in the types are then
    /// made only when the table is missing (an existing table's types are in use and cannot be dropped).
    /// </param>
    public virtual IReadOnlyList<string> CreateTableStatements(IReadOnlyList<(string Name, string Definition)> definitions, string createTable, string? ifNotExistsTable)
        => [createTable];

    /// <summary>
    /// The WITH clause of a CTAS (schema, row validation, label), or an empty string where the server has no such options
    /// (the stand-in creates the same table without them).
    /// </summary>
    /// <param name="xdmSchema">The XDM schema title, or null.</param>
    /// <param name="rowValidation">Row validation, or null for the service's default.</param>
    /// <param name="label">The dataset label (PROFILE), or null.</param>
    public abstract string CreateTableOptions(string? xdmSchema, bool? rowValidation, string? label);

    /// <summary>
    /// A whole XDM value (object, array or map) as an expression an append can select into its column: nested
    /// <c>struct(expr AS field, ...)</c>, <c>array(...)</c> and <c>map(...)</c> on the service; on the stand-in the column
    /// of a row built from JSON by <c>json_populate_record</c>, which fills composites, arrays and jsonb alike.
    /// </summary>
    /// <param name="value">The value, never null.</param>
    /// <param name="typeMapping">The column's type mapping (its converter writes the JSON).</param>
    /// <param name="table">The target table, delimited.</param>
    /// <param name="column">The column name.</param>
    public abstract string XdmValueLiteral(object value, RelationalTypeMapping typeMapping, string table, string column);

    /// <summary>
    /// What surrounds a whole XDM value a query writes into a table's column (INSERT INTO ... SELECT): nothing on the
    /// service, whose structs convert by structure; on the stand-in a conversion through JSON into the target's own
    /// composite type, which PostgreSQL will not cast from another composite type of the same shape.
    /// </summary>
    /// <param name="table">The target table, delimited.</param>
    /// <param name="column">The target column.</param>
    public abstract (string Before, string After) XdmWriteConversion(string table, string column);

    /// <summary>A NULL of a column's type, so that the inline table of appended rows types the column as its target does.</summary>
    /// <param name="typeMapping">The column's type mapping.</param>
    /// <param name="table">The target table, delimited.</param>
    /// <param name="column">The column name.</param>
    public abstract string TypedNull(RelationalTypeMapping typeMapping, string table, string column);

    /// <inheritdoc />
    public override string ToString() => Kind.ToString();

    /// <summary>A string literal, escaped so that no character of the value can end it or change the statement.</summary>
    /// <param name="value">The text.</param>
    protected abstract string StringLiteral(string value);

    /// <summary>
    /// A literal for a value whose backslash escapes are meant to be read (Npgsql's E'' constants), or null to leave it
    /// to Npgsql.
    /// </summary>
    /// <param name="value">The text, escapes included.</param>
    protected virtual string? EscapeStringLiteral(string value) => null;

    /// <summary>A timestamp literal for a UTC (or unspecified) time.</summary>
    /// <param name="utc">The time.</param>
    /// <param name="withTimeZone">Whether the column is a PostgreSQL <c>timestamp with time zone</c>.</param>
    protected abstract string TimestampLiteral(DateTime utc, bool withTimeZone);

    /// <summary>The time part of a timestamp literal, to the microsecond.</summary>
    /// <param name="time">The time.</param>
    protected static string FormatTimestamp(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    // Cast from text, which both dialects read exactly, negative zero, NaN and infinities included.
    private string FloatingLiteral(double value, string storeType)
        => $"CAST({StringLiteral(double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity")} AS {CastTypeName(storeType)})";

    // Npgsql writes some constants as E'...' strings whose value holds the backslash escapes itself; only Npgsql reads them right.
    private static bool IsEscapeStringMapping(RelationalTypeMapping? typeMapping)
        => typeMapping?.GetType().Name == "NpgsqlEStringTypeMapping";

    private static bool IsTimestampWithTimeZone(RelationalTypeMapping? typeMapping, DateTime value)
        => typeMapping?.StoreType is { } storeType
            ? storeType.StartsWith("timestamp with time zone", StringComparison.Ordinal) || storeType == "timestamptz"
            : value.Kind == DateTimeKind.Utc;
}
