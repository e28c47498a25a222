using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Scaffolding.Metadata;
using Microsoft.Extensions.Logging;
using Npgsql;
using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Storage;

namespace QueryServiceOrm.Scaffolding;

/// <summary>
/// Reads Query Service tables, nested XDM structures included, into EF's <see cref="DatabaseModel"/>. The table list
/// comes from the documented <c>SHOW TABLES</c>; columns, composite types and keys come from three catalog queries whatever
/// the number of tables. A table without a declared key is keyed on its XDM record identifier <c>_id</c>, and an untyped
/// <c>identityMap</c> gets the value type XDM's standard gives it (an array of identity items). The service's pg_catalog
/// coverage is undocumented, so a failed catalog query degrades instead of
/// failing: columns from the documented
/// <c>SELECT * FROM t WHERE 1=0</c>, one table at a time, and nested columns as JSON text, each with a warning.
/// </summary>
internal sealed class QueryServiceDatabaseModelFactory : DatabaseModelFactory
{
    private readonly IDiagnosticsLogger<DbLoggerCategory.Scaffolding> _logger;

    /// <summary>Creates the factory.</summary>
    /// <param name="logger">Receives the fallback warnings.</param>
    public QueryServiceDatabaseModelFactory(IDiagnosticsLogger<DbLoggerCategory.Scaffolding> logger)
        => _logger = logger ?? throw new ArgumentNullException(nameof(logger));

    // The tests replace the queries to see the fallbacks a service without this catalog would take.
    internal CatalogSql Catalog { get; init; } = CatalogSql.Default;

    // Counted per read, returned with what was read (the catalog path makes four at most).
    private int _roundTrips;

    /// <inheritdoc />
    public override DatabaseModel Create(string connectionString, DatabaseModelFactoryOptions options)
        => ReadCatalog(connectionString, options).Model;

    /// <inheritdoc />
    public override DatabaseModel Create(DbConnection connection, DatabaseModelFactoryOptions options)
        => ReadCatalog(connection, options).Model;

    /// <summary>Reads the catalog through a connection string, as <see cref="Create(string, DatabaseModelFactoryOptions)"/> does.</summary>
    internal CatalogReading ReadCatalog(string connectionString, DatabaseModelFactoryOptions options)
    {
        // The credentials' own checks (TLS, known keys, no value repeated in an error), then the connection UseQueryService
        // would open; type loading off, as the service needs: the catalog is read as text and plain scalars.
        var credentials = Credentials.QueryServiceCredentials.FromConnectionString(connectionString, out var applicationName);
        var settings = Infrastructure.QueryServiceConnectionSettings.For(credentials);
        var builder = new NpgsqlDataSourceBuilder(
            (settings with { ApplicationName = applicationName ?? settings.ApplicationName })
                .ToConnectionStringBuilder(credentials)
                .ConnectionString);
        Infrastructure.QueryServiceDataSourceConfigurationPlugin.ConfigureSessions(builder);
        using var dataSource = builder.Build();
        using var connection = dataSource.CreateConnection();
        return ReadCatalog(connection, options);
    }

    /// <summary>Reads the catalog: the model EF's scaffolder gets, with what only <c>qsorm scaffold</c> uses.</summary>
    internal CatalogReading ReadCatalog(DbConnection connection, DatabaseModelFactoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        var opened = connection.State != ConnectionState.Open;
        if (opened && connection is NpgsqlConnection npgsql)
        {
            ConnectionOpener.Open(npgsql);
        }
        else if (opened)
        {
            connection.Open();
        }

        try
        {
            _roundTrips = 0;
            return Read(connection, options);
        }
        finally
        {
            if (opened)
            {
                connection.Close();
            }
        }
    }

    private CatalogReading Read(DbConnection connection, DatabaseModelFactoryOptions options)
    {
        var tableFilter = new HashSet<string>(options.Tables, StringComparer.OrdinalIgnoreCase);
        var schemaFilter = new HashSet<string>(options.Schemas, StringComparer.OrdinalIgnoreCase);
        if (!TryQuery(connection, Catalog.ShowTables, out var shown))
        {
            throw new InvalidOperationException(
                "The server did not answer SHOW TABLES: scaffold from Query Service or from 'qsorm sandbox', whose front speaks its SQL.");
        }

        // The service returns 50,000 rows at most unless the statement says LIMIT 0.
        const string everyRow = " LIMIT 0";
        var catalogColumns = TryQuery(connection, Catalog.Columns + everyRow, out var columnRows) ? columnRows : null;

        // SHOW TABLES: name, dataSetId, dataSet, description, labels (sql/metadata); the description documents the class.
        var descriptions = shown.Where(r => r.Length > 3 && r[3] is string { Length: > 0 })
            .GroupBy(r => (string)r[0]!).ToDictionary(g => g.Key, g => (string)g.First()[3]!, StringComparer.Ordinal);

        // SHOW TABLES lists datasets; views come from the catalog where it answers (SHOW VIEWS would be a round trip more).
        var names = shown.Select(r => ShownName((string)r[0]!))
            .Concat((catalogColumns ?? []).Select(r => ((string)r[0]!, (string)r[1]!, (string)r[9]!)).Where(r => r.Item3 is "v" or "m"))
            .Distinct().ToList();

        var model = new DatabaseModel { DefaultSchema = "public" };
        var tables = new Dictionary<(string Schema, string Name), DatabaseTable>();
        foreach (var (schema, name, kind) in names)
        {
            if ((tableFilter.Count == 0 || tableFilter.Contains(name) || tableFilter.Contains(schema + "." + name))
                && (schemaFilter.Count == 0 || schemaFilter.Contains(schema)))
            {
                DatabaseTable table = kind is "v" or "m" ? new DatabaseView() : new DatabaseTable();
                table.Database = model;
                table.Name = name;
                table.Schema = schema == "public" ? null : schema;
                table.Comment = descriptions.GetValueOrDefault(schema == "public" ? name : schema + "." + name);
                tables[(schema, name)] = table;
                model.Tables.Add(table);
            }
        }

        var composites = TryQuery(connection, Catalog.CompositeFields + everyRow, out var fieldRows) ? Composites(fieldRows) : null;
        var columnTypes = new Dictionary<(string, string), XdmColumnType>();
        foreach (var row in catalogColumns ?? [])
        {
            if (tables.TryGetValue(((string)row[0]!, (string)row[1]!), out var table))
            {
                var type = ColumnType(
                    (string)row[3]!, (string)row[5]!, (string)row[6]!,
                    row[10] as string, row[7] as string, row[8] as string, row[11] as string, composites);
                AddColumn(table, (string)row[2]!, XdmStandardFields.Refine((string)row[2]!, type), nullable: !IsTrue(row[4]), columnTypes);
            }
        }

        // Whatever the catalog did not describe is read the documented way, one table at a time.
        var undescribed = model.Tables.Where(t => t.Columns.Count == 0).ToList();
        if (undescribed.Count > 0)
        {
            Warn($"The catalog did not list the columns of {undescribed.Count} tables "
                 + $"({string.Join(", ", undescribed.Take(5).Select(t => t.Name))}"
                 + $"{(undescribed.Count > 5 ? ", ..." : "")}): reading them with SELECT * FROM t WHERE 1=0.");
            foreach (var table in undescribed)
            {
                ReadColumnsOneByOne(connection, model, table, columnTypes);
            }
        }

        if (composites is null && columnTypes.Values.Any(t => t.Kind == XdmValueKind.Json))
        {
            Warn("The catalog did not describe the composite (object) types: nested columns are read as JSON text.");
        }

        MarkNestedColumnsAsJson(model, columnTypes);
        if (TryQuery(connection, Catalog.PrimaryKeys + everyRow, out var keyRows))
        {
            foreach (var key in keyRows.GroupBy(r => ((string)r[0]!, (string)r[1]!, (string)r[2]!)))
            {
                if (tables.TryGetValue((key.Key.Item1, key.Key.Item2), out var table) && table is not DatabaseView)
                {
                    var columns = key.Select(r => table.Columns.FirstOrDefault(c => c.Name == (string)r[3]!)).ToList();
                    if (columns.All(c => c is not null))
                    {
                        var primaryKey = new DatabasePrimaryKey { Table = table, Name = key.Key.Item3 };
                        columns.ForEach(c => primaryKey.Columns.Add(c!));
                        table.PrimaryKey = primaryKey;
                    }
                }
            }
        }

        KeyRecordIds(model, columnTypes);
        return new CatalogReading(model, columnTypes, _roundTrips);
    }

    // A table the catalog gives no key is keyed on its XDM record identifier, so that Add and SaveChanges append to it
    // (EF tracks only entities with a key); a view is read-only and stays keyless.
    private static void KeyRecordIds(DatabaseModel model, Dictionary<(string, string), XdmColumnType> columnTypes)
    {
        foreach (var table in model.Tables.Where(t => t is not DatabaseView && t.PrimaryKey is null))
        {
            if (table.Columns.FirstOrDefault(c => XdmStandardFields.IsRecordId(c.Name, columnTypes[(table.Name, c.Name)])) is { } recordId)
            {
                table.PrimaryKey = new DatabasePrimaryKey { Table = table, Columns = { recordId } };
            }
        }
    }

    private void ReadColumnsOneByOne(
        DbConnection connection, DatabaseModel model, DatabaseTable table, Dictionary<(string, string), XdmColumnType> columnTypes)
    {
        List<(string Column, string DataType)> columns;
        try
        {
            columns = EmptyResultColumns(connection, table);
        }
        catch (DbException e) when (IsUnanswerable(e) && connection.State == ConnectionState.Open)
        {
            Warn($"The columns of {table.Name} could not be read ({e.Message}): the table is left out.");
            model.Tables.Remove(table);
            return;
        }

        foreach (var (column, dataType) in columns)
        {
            AddColumn(table, column, FallbackType(dataType), nullable: true, columnTypes);
        }
    }

    // Type names as Npgsql reports them without type loading: unknown types (structs) as "-.-", arrays with "[]".
    private static XdmColumnType FallbackType(string dataType)
        => dataType.Contains('.') || dataType.StartsWith('-') ? new XdmColumnType(XdmValueKind.Json, dataType)
            : dataType.EndsWith("[]", StringComparison.Ordinal)
                ? new XdmColumnType(XdmValueKind.Array, dataType) { Element = FallbackType(dataType[..^2]) }
            : new XdmColumnType(XdmValueKind.Scalar, dataType);

    // EF's scaffolder knows no struct, array-of-struct or map types: it gets JSON text columns instead of skipping them.
    private void MarkNestedColumnsAsJson(DatabaseModel model, Dictionary<(string, string), XdmColumnType> columnTypes)
    {
        var nested = model.Tables
            .SelectMany(t => t.Columns.Where(c => columnTypes[(t.Name, c.Name)].IsNested).Select(c => (Table: t, Column: c)))
            .ToList();
        foreach (var (_, column) in nested)
        {
            column.StoreType = Xdm.XdmStoreTypes.JsonText;
        }

        if (nested.Count > 0)
        {
            _logger.Logger.Log(
                LogLevel.Warning, QueryServiceEventId.NestedColumnsAsJson, "{Message}",
                $"{nested.Count} columns hold nested XDM data "
                + $"({string.Join(", ", nested.Take(5).Select(n => n.Table.Name + "." + n.Column.Name))}"
                + $"{(nested.Count > 5 ? ", ..." : "")}): EF's scaffolder writes them as JSON text (string, column type json); "
                + "'qsorm scaffold' writes classes for them, mapped with IsXdmObject().");
        }
    }

    // SHOW TABLES names a table outside public with its schema ("reporting.daily"; a Data Distiller schema is itself "db.schema").
    private static (string Schema, string Name, string Kind) ShownName(string shown)
        => shown.LastIndexOf('.') is var dot and > 0 ? (shown[..dot], shown[(dot + 1)..], "r") : ("public", shown, "r");

    // A boolean as the server sent it: binary results give bool, text results PostgreSQL's "t"/"f".
    private static bool IsTrue(object? value)
        => value is bool b ? b : value is string s && (s == "t" || s.Equals("true", StringComparison.OrdinalIgnoreCase));

    private static void AddColumn(
        DatabaseTable table, string name, XdmColumnType type, bool nullable, Dictionary<(string, string), XdmColumnType> columnTypes)
    {
        table.Columns.Add(new DatabaseColumn { Table = table, Name = name, StoreType = type.StoreType, IsNullable = nullable });
        columnTypes[(table.Name, name)] = type;
    }

    // Composite type key (oid) -> its fields, in order: see CatalogSql for the columns.
    private static Dictionary<string, List<object?[]>> Composites(List<object?[]> rows)
        => rows.GroupBy(r => (string)r[0]!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    private static XdmColumnType ColumnType(
        string storeType, string typeKind, string typeName, string? typeKey, string? elementKind, string? elementName, string? elementKey,
        Dictionary<string, List<object?[]>>? composites, int depth = 0)
    {
        if (depth > 32)
        {
            throw new InvalidOperationException($"The composite type {typeName} contains itself.");
        }

        if (elementKind is not null && elementName is not null)
        {
            var element = ColumnType(
                storeType.EndsWith("[]", StringComparison.Ordinal) ? storeType[..^2] : elementName,
                elementKind, elementName, elementKey, null, null, null, composites, depth + 1);
            return new XdmColumnType(XdmValueKind.Array, storeType) { Element = element };
        }

        return typeKind switch
        {
            "c" when composites is not null && typeKey is not null && composites.TryGetValue(typeKey, out var fields)
                => new XdmColumnType(XdmValueKind.Object, storeType)
            {
                Fields = fields.Select(f => ((string)f[1]!, ColumnType(
                    (string)f[2]!, (string)f[3]!, (string)f[4]!, f[8] as string, f[5] as string, f[6] as string, f[9] as string,
                    composites, depth + 1))).ToList(),
            },
            "c" => new XdmColumnType(XdmValueKind.Json, storeType),
            _ when typeName is "jsonb" or "json" or "anymap"
                => new XdmColumnType(XdmValueKind.Map, storeType) { Element = new XdmColumnType(XdmValueKind.Json, "json") },
            _ when typeName is "anyarray"
                => new XdmColumnType(XdmValueKind.Array, storeType) { Element = new XdmColumnType(XdmValueKind.Json, "json") },
            _ => new XdmColumnType(XdmValueKind.Scalar, storeType),
        };
    }

    private List<(string Column, string DataType)> EmptyResultColumns(DbConnection connection, DatabaseTable table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {(table.Schema is null ? "" : Quote(table.Schema) + ".")}{Quote(table.Name)} WHERE 1=0";
        _roundTrips++;
        using var reader = command.ExecuteReader(CommandBehavior.SchemaOnly);
        return reader.GetColumnSchema().Select(c => (c.ColumnName, c.DataTypeName ?? "-")).ToList();
    }

    // The service's way to quote a name (Spark reads "x" as a string).
    private static string Quote(string name) => SqlDialect.Default.PathSegment(name);

    // A statement the server may not know (SHOW TABLES on PostgreSQL, the catalog on the service) answers false.
    private bool TryQuery(DbConnection connection, string sql, out List<object?[]> rows)
    {
        rows = [];
        _roundTrips++;
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }

            return true;
        }
        catch (DbException e) when (IsUnanswerable(e) && connection.State == ConnectionState.Open)
        {
            return false;
        }
    }

    // A statement the server does not know or cannot answer (syntax, unknown object, not supported, an internal error
    // such as a missing function) is a question to ask another way; a refused login, a timeout or a lost connection is not.
    private static bool IsUnanswerable(DbException exception)
        => exception is PostgresException { SqlState: var state }
           && (state.StartsWith("42", StringComparison.Ordinal) || state is "0A000" or "58000" or "XX000");

    private void Warn(string message) => _logger.Logger.Log(LogLevel.Warning, QueryServiceEventId.CatalogFallback, "{Message}", message);
}
