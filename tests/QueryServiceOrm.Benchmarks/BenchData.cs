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

    public static Task<QueryServiceSandbox> GetAsync() => Sandbox.Value;

    /// <summary>A plain Npgsql connection string to the sandbox, for the peers that bypass the library.</summary>
    public static string RawConnectionString(QueryServiceSandbox sandbox) => new Npgsql.NpgsqlConnectionStringBuilder
    {
        Host = sandbox.Host, Port = sandbox.Port, Database = sandbox.Database, Username = sandbox.Username, Password = sandbox.Password,
        SslMode = Npgsql.SslMode.Require,
    }.ConnectionString;

    /// <summary>The same sandbox with the XDM sample tables (100,000 events and as many flat rows) added.</summary>
    public static Task<QueryServiceSandbox> GetWithXdmAsync() => XdmSandbox.Value;

    private static async Task<QueryServiceSandbox> StartAsync()
    {
        var sandbox = await QueryServiceSandbox.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => sandbox.DisposeAsync().AsTask().GetAwaiter().GetResult();

        await sandbox.ExecuteAdminAsync(
            "CREATE TABLE bench_rows (id bigint NOT NULL, name text NOT NULL, amount numeric(10,2) NOT NULL, placed timestamptz NOT NULL, flag boolean NOT NULL); " +
            $"ALTER TABLE bench_rows OWNER TO \"{sandbox.Username}\"");
        await using var connection = await sandbox.OpenAdminConnectionAsync();
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var import = await connection.BeginBinaryImportAsync("COPY bench_rows (id, name, amount, placed, flag) FROM STDIN (FORMAT BINARY)"))
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
