using System.Security.Cryptography;
using Npgsql;
using QueryServiceOrm.Sandbox.Sql.Parsing;
using QueryServiceOrm.Sandbox.Sql.Translation;

namespace QueryServiceOrm.Sandbox.Catalog;

/// <summary>
/// Reads the backend's catalog for the front (as the superuser, on a connection of its own, out of the statement log) and
/// keeps it until the catalog version changes: an event trigger bumps a sequence on every DDL, whoever runs it, so one cheap
/// read per translated statement tells whether the snapshot is current. Also makes the composite types struct shapes need.
/// </summary>
internal sealed class BackendCatalog : IAsyncDisposable
{
    // A row updated by an event trigger on every DDL: it becomes visible with the DDL's commit, never before it.
    private const string VersionTable = "qsorm_meta.catalog_state";

    private readonly string _connectionString;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NpgsqlConnection? _connection;
    private CatalogSnapshot? _snapshot;

    public BackendCatalog(string adminConnectionString) => _connectionString = adminConnectionString;

    /// <summary>The statements that set up what the catalog reader relies on (run once, as the superuser).</summary>
    /// <param name="user">The Query Service user's backend role.</param>
    public static string SetupSql(string user)
        => $$"""
            CREATE SCHEMA qsorm_meta;
            CREATE TABLE {{VersionTable}} (version bigint NOT NULL);
            INSERT INTO {{VersionTable}} VALUES (1);
            CREATE FUNCTION qsorm_meta.bump_catalog_version() RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER AS
            $$ BEGIN UPDATE {{VersionTable}} SET version = version + 1; END $$;
            CREATE EVENT TRIGGER qsorm_catalog_changed ON ddl_command_end EXECUTE FUNCTION qsorm_meta.bump_catalog_version();
            CREATE EVENT TRIGGER qsorm_catalog_dropped ON sql_drop EXECUTE FUNCTION qsorm_meta.bump_catalog_version();
            CREATE FUNCTION qsorm_meta.apply_metadata() RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
            DECLARE
              marker text := substring(current_query() FROM '/\*qsorm:metadata ([A-Za-z0-9+/=]+)\*/');
              meta jsonb;
              command record;
              entry record;
            BEGIN
              IF marker IS NULL THEN RETURN; END IF;
              meta := convert_from(decode(marker, 'base64'), 'UTF8')::jsonb;
              FOR command IN SELECT * FROM pg_event_trigger_ddl_commands() LOOP
                IF command.object_type = 'table' AND command.command_tag IN ('CREATE TABLE', 'CREATE TABLE AS', 'ALTER TABLE', 'SELECT INTO') THEN
                  IF meta ? 'table' THEN
                    EXECUTE format('COMMENT ON TABLE %s IS %L', command.objid::regclass, meta->>'table');
                  END IF;
                  FOR entry IN SELECT key, value FROM jsonb_each_text(coalesce(meta->'columns', '{}'::jsonb)) LOOP
                    EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', command.objid::regclass, entry.key, entry.value);
                  END LOOP;
                ELSIF command.object_type = 'schema' AND command.command_tag = 'CREATE SCHEMA' AND meta ? 'schema' THEN
                  EXECUTE format('COMMENT ON SCHEMA %s IS %L', command.object_identity, meta->>'schema');
                END IF;
              END LOOP;
            END $$;
            CREATE EVENT TRIGGER qsorm_metadata ON ddl_command_end EXECUTE FUNCTION qsorm_meta.apply_metadata();
            CREATE SCHEMA {{PgSql.StructSchema}};
            GRANT USAGE ON SCHEMA {{PgSql.StructSchema}} TO {{PgSql.Identifier(user)}};
            """;

    /// <summary>The catalog as it is now.</summary>
    public async Task<CatalogSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
            var version = await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
            if (_snapshot?.Version != version)
            {
                _snapshot = await CatalogReader.ReadAsync(connection, version, cancellationToken).ConfigureAwait(false);
            }

            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The name of the composite type that holds a struct shape (made by <see cref="EnsureStructTypesAsync"/>).</summary>
    public static string StructTypeName(StructType shape)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(",", shape.Fields.Select(f => $"{f.Name}:{f.Type.PgName}"))));
        return $"{PgSql.Identifier(PgSql.StructSchema)}.{PgSql.Identifier("s_" + Convert.ToHexString(hash, 0, 10).ToLowerInvariant())}";
    }

    /// <summary>Makes the composite types of struct shapes that do not exist yet, inner ones first.</summary>
    public async Task EnsureStructTypesAsync(IReadOnlyList<StructType> shapes, CancellationToken cancellationToken)
    {
        var snapshot = await GetAsync(cancellationToken).ConfigureAwait(false);
        var missing = shapes.Where(s => !snapshot.StructTypes.Contains(UnqualifiedName(s.PgTypeName)))
            .DistinctBy(s => s.PgTypeName)
            .ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var shape in missing)
            {
                var fields = string.Join(", ", shape.Fields.Select(f => $"{PgSql.Identifier(f.Name)} {f.Type.PgName}"));
                // A map (or an array of arrays) inside the struct is JSON: its Spark type goes in the attribute's comment.
                var comments = string.Concat(shape.Fields.Where(f => f.Type is MapType or ArrayType { IsJsonBacked: true }).Select(f =>
                    $" COMMENT ON COLUMN {shape.PgTypeName}.{PgSql.Identifier(f.Name)} IS "
                    + $"{PgSql.Literal(CatalogReader.TypeCommentPrefix + f.Type.Name)};"));
                // Another session may make the same shape at the same moment: a duplicate is what was wanted.
                var sql =
                    $"DO $qsorm$ BEGIN CREATE TYPE {shape.PgTypeName} AS ({fields});{comments} EXCEPTION WHEN duplicate_object THEN "
                    + $"NULL; END $qsorm$";
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs a statement as the superuser on the catalog's connection (the sandbox's own set-up).</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }

    private static string UnqualifiedName(string qualified) => qualified[(qualified.LastIndexOf(".\"", StringComparison.Ordinal) + 2)..^1];

    private async Task<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
        {
            return _connection;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }

        _connection = new NpgsqlConnection(_connectionString);
        await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return _connection;
    }

    private static async Task<long> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT version FROM {VersionTable}", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
