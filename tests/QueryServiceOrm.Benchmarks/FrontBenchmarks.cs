using BenchmarkDotNet.Configs;
using Npgsql;
using QueryServiceOrm.Sandbox;

namespace QueryServiceOrm.Benchmarks;

/// <summary>
/// What the emulator's front costs: the same work by a raw Npgsql client through the front (TLS, translation, relay) and
/// straight from the backend (TLS on its own port), each in its own dialect. The front's SQL says LIMIT 0 to lift the
/// service's 50,000-row cap; the backend's has no cap to lift.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class FrontBenchmarks
{
    private const int AppendRows = 100_000;

    private QueryServiceSandbox _sandbox = null!;
    private NpgsqlDataSource _front = null!;
    private NpgsqlDataSource _backend = null!;

    [GlobalSetup]
    public void SetUp()
    {
        _sandbox = BenchData.GetWithXdmAsync().GetAwaiter().GetResult();
        _sandbox.ExecuteAdminAsync(
            "DROP TABLE IF EXISTS bench_front_appends; " +
            "CREATE TABLE bench_front_appends (id bigint NOT NULL, name text NOT NULL, amount numeric(10,2) NOT NULL, placed timestamptz "
            + "NOT NULL, flag boolean NOT NULL); " +
            $"ALTER TABLE bench_front_appends OWNER TO \"{_sandbox.Username}\"").GetAwaiter().GetResult();
        _front = NpgsqlDataSource.Create(_sandbox.ConnectionString("bench-front"));
        _backend = NpgsqlDataSource.Create(_sandbox.BackendConnectionString("bench-backend"));
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _front.Dispose();
        _backend.Dispose();
    }

    [IterationCleanup(Targets = [nameof(AppendFront), nameof(AppendBackend)])]
    public void EmptyAppends() => _sandbox.ExecuteAdminAsync("TRUNCATE bench_front_appends").GetAwaiter().GetResult();

    [BenchmarkCategory("1,000,000 flat rows"), Benchmark(Baseline = true, Description = "backend")]
    public Task<long> FlatBackend() => ReadFlatAsync(_backend, "SELECT id, name, amount, placed, flag FROM bench_rows");

    [BenchmarkCategory("1,000,000 flat rows"), Benchmark(Description = "front")]
    public Task<long> FlatFront() => ReadFlatAsync(_front, "SELECT id, name, amount, placed, flag FROM bench_rows LIMIT 0");

    [BenchmarkCategory("100,000 nested events"), Benchmark(Baseline = true, Description = "backend")]
    public Task<long> NestedBackend()
        => ReadTextAsync(_backend, "SELECT _id, web, commerce, \"productListItems\", \"identityMap\" FROM xdm_events");

    [BenchmarkCategory("100,000 nested events"), Benchmark(Description = "front")]
    public Task<long> NestedFront()
        => ReadTextAsync(_front, "SELECT _id, web, commerce, productListItems, identityMap FROM xdm_events LIMIT 0");

    [BenchmarkCategory("100,000 appended rows"), Benchmark(Baseline = true, Description = "backend")]
    public Task<int> AppendBackend() => AppendAsync(_backend);

    [BenchmarkCategory("100,000 appended rows"), Benchmark(Description = "front")]
    public Task<int> AppendFront() => AppendAsync(_front);

    private static async Task<long> ReadFlatAsync(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var total = await BenchRow.ReadAllAsync(reader);
        return total == 500_000_500_000
            ? total
            : throw new InvalidOperationException($"Read a sum of ids {total}, not that of 1..1,000,000.");
    }

    // Nested values as text: what a client without the composite types' mappings reads, through both paths alike.
    private static async Task<long> ReadTextAsync(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        command.AllResultTypesAreUnknown = true;
        await using var reader = await command.ExecuteReaderAsync();
        long rows = 0;
        long characters = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                characters += reader.IsDBNull(i) ? 0 : reader.GetString(i).Length;
            }
        }

        return rows == BenchData.XdmRows
            ? characters
            : throw new InvalidOperationException($"Read {rows} events, not {BenchData.XdmRows}.");
    }

    private static async Task<int> AppendAsync(NpgsqlDataSource source)
    {
        await using var command = source.CreateCommand(
            $"INSERT INTO bench_front_appends SELECT id, name, amount, placed, flag FROM bench_rows WHERE id <= {AppendRows}");
        var appended = await command.ExecuteNonQueryAsync();
        return appended == AppendRows ? appended : throw new InvalidOperationException($"Appended {appended} rows, not {AppendRows}.");
    }
}
