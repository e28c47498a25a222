using NpgsqlTypes;
using QueryServiceOrm.Sandbox;
using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Benchmarks;

/// <summary>One sandbox per benchmark process, holding a million deterministic rows loaded with binary COPY.</summary>
internal static class BenchData
{
    public const int MaxRows = 1_000_000;

    public const int XdmRows = 100_000;

    private static readonly Lazy<Task<QueryServiceSandbox>> Sandbox = new(StartAsync);
    private static readonly Lazy<Task<QueryServiceSandbox>> XdmSandbox = new(async () =>
    {
        var sandbox = await Sandbox.Value;
        await XdmSampleData.CreateAsync(sandbox, XdmRows);
        return sandbox;
    });

    private static readonly Lazy<Task<QueryServiceSandbox>> AppendSandbox = new(async () =>
    {
        var sandbox = await Sandbox.Value;
        await sandbox.ExecuteAdminAsync(
            $"CREATE TABLE {AppendBenchContext.Table} (id bigint NOT NULL, name text NOT NULL, amount numeric(10,2) NOT NULL, placed "
            + $"timestamptz NOT NULL, flag boolean NOT NULL); " +
            $"ALTER TABLE {AppendBenchContext.Table} OWNER TO \"{sandbox.Username}\"");
        return sandbox;
    });

    public static Task<QueryServiceSandbox> GetAsync() => Sandbox.Value;

    /// <summary>The same sandbox with an empty table for the append benchmarks, <c>bench_appends</c>.</summary>
    public static Task<QueryServiceSandbox> GetWithAppendTableAsync() => AppendSandbox.Value;

    /// <summary>
    /// The nested append benchmark's two empty tables: the service's, created through the front from the model (structs,
    /// an array of structs, a map), and the peers' on the backend, its nested parts jsonb (<see cref="JsonbColumns"/>).
    /// </summary>
    public static async Task CreateNestedTablesAsync(QueryServiceSandbox sandbox)
    {
        await using (var db = AppendBench.QueryServiceFactory<NestedAppendContext<XdmColumns>>(sandbox).CreateDbContext())
        {
            await db.Database.CreateTableAsync<BenchEvent>();
        }

        await sandbox.ExecuteAdminAsync(
            $"CREATE TABLE {JsonbColumns.Table} (_id text NOT NULL, \"timestamp\" timestamptz NOT NULL, commerce jsonb, "
            + $"\"productListItems\" jsonb, attributes jsonb); " +
            $"ALTER TABLE {JsonbColumns.Table} OWNER TO \"{sandbox.Username}\"");
    }

    // The tables are the benchmarks' own names, never input.
    public static Task EmptyTableAsync(QueryServiceSandbox sandbox, string table) => sandbox.ExecuteAdminAsync($"TRUNCATE {table}");

    public static async Task<long> CountTableAsync(QueryServiceSandbox sandbox, string table)
    {
        await using var connection = await sandbox.OpenAdminConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Statements the server logged for an application name (simple-protocol "statement:" and extended "execute").</summary>
    public static int LoggedStatements(QueryServiceSandbox sandbox, string applicationName)
        => sandbox.ReadServerLog().Split('\n').Count(l => l.Contains($" app={applicationName} ", StringComparison.Ordinal)
            && (l.Contains("LOG:  statement: ", StringComparison.Ordinal) || l.Contains("LOG:  execute ", StringComparison.Ordinal)));

    /// <summary>Runs one of the Python peers against the sandbox (Debian's python3 with SQLAlchemy 1.4 and psycopg2).</summary>
    public static string RunPython(QueryServiceSandbox sandbox, string script, int rows)
    {
        var start = new System.Diagnostics.ProcessStartInfo(
            "/usr/bin/python3",
            [Path.Combine(AppContext.BaseDirectory, script), rows.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The peers write PostgreSQL (SQLAlchemy's INSERT ... VALUES, which the service refuses), so they reach the backend
        // directly, as plain Npgsql EF Core does.
        foreach (var (name, value) in sandbox.BackendEnvironmentVariables())
        {
            start.Environment[name] = value;
        }

        using var python = System.Diagnostics.Process.Start(start)!;
        var error = python.StandardError.ReadToEndAsync();
        var output = python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        return python.ExitCode == 0 ? output : throw new InvalidOperationException($"{script} failed: {error.Result}");
    }

    /// <summary>The same sandbox with the XDM sample tables (100,000 events and as many flat rows) added.</summary>
    public static Task<QueryServiceSandbox> GetWithXdmAsync() => XdmSandbox.Value;

    private static async Task<QueryServiceSandbox> StartAsync()
    {
        var sandbox = await QueryServiceSandbox.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => sandbox.DisposeAsync().AsTask().GetAwaiter().GetResult();

        await sandbox.ExecuteAdminAsync(
            "CREATE TABLE bench_rows (id bigint NOT NULL, name text NOT NULL, amount numeric(10,2) NOT NULL, placed timestamptz NOT "
            + "NULL, flag boolean NOT NULL); " +
            $"ALTER TABLE bench_rows OWNER TO \"{sandbox.Username}\"");
        await using var connection = await sandbox.OpenAdminConnectionAsync();
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var import = await connection.BeginBinaryImportAsync("COPY bench_rows (id, name, amount, placed, flag) FROM STDIN "
            + "(FORMAT BINARY)"))
        {
            for (long i = 1; i <= MaxRows; i++)
            {
                await import.StartRowAsync();
                await import.WriteAsync(i, NpgsqlDbType.Bigint);
                await import.WriteAsync($"row {i}", NpgsqlDbType.Text);
                await import.WriteAsync(i % 10_000 / 100m, NpgsqlDbType.Numeric);
                await import.WriteAsync(start.AddSeconds(i), NpgsqlDbType.TimestampTz);
                await import.WriteAsync(i % 2 == 0, NpgsqlDbType.Boolean);
            }

            await import.CompleteAsync();
        }

        await sandbox.ExecuteAdminAsync("ANALYZE bench_rows");
        return sandbox;
    }
}
