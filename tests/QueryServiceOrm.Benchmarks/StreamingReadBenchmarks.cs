using Npgsql;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Sandbox;

namespace QueryServiceOrm.Benchmarks;

/// <summary>
/// Streams flat rows from the stand-in over TLS: AsNoTracking LINQ through this library against a raw NpgsqlDataReader
/// loop over the same query (the baseline), plain Npgsql EF Core, and SQLAlchemy + psycopg2 (a Python process per run,
/// its start-up included).
/// </summary>
[MemoryDiagnoser]
public class StreamingReadBenchmarks
{
    private QueryServiceSandbox _sandbox = null!;
    private NpgsqlDataSource _raw = null!;
    private QueryServiceDbContextFactory<BenchContext> _queryService = null!;
    private DbContextOptions<BenchContext> _plainEf = null!;

    [Params(100_000, 1_000_000)]
    public int Rows { get; set; }

    // Synchronous: the in-process toolchain of BenchmarkDotNet 0.14 does not await an async set-up.
    [GlobalSetup]
    public void SetUp()
    {
        _sandbox = BenchData.GetAsync().GetAwaiter().GetResult();
        var connectionString = _sandbox.BackendConnectionString();
        _raw = NpgsqlDataSource.Create(connectionString);
        _queryService = new QueryServiceDbContextFactory<BenchContext>(_sandbox.Credentials());
        _plainEf = new DbContextOptionsBuilder<BenchContext>().UseNpgsql(connectionString).Options;
    }

    [GlobalCleanup]
    public void CleanUp() => _raw.Dispose();

    [Benchmark(Baseline = true, Description = "raw NpgsqlDataReader")]
    public async Task<long> RawReader()
    {
        await using var command = _raw.CreateCommand("SELECT id, name, amount, placed, flag FROM bench_rows WHERE id <= $1");
        command.Parameters.Add(new NpgsqlParameter { Value = (long)Rows });
        await using var reader = await command.ExecuteReaderAsync();
        return await BenchRow.ReadAllAsync(reader);
    }

    [Benchmark(Description = "QueryServiceOrm LINQ, AsNoTracking")]
    public async Task<long> QueryServiceLinq()
    {
        await using var db = _queryService.CreateDbContext();
        long total = 0;
        var rows = (long)Rows;
        await foreach (var row in db.Rows.AsNoTracking().Where(r => r.Id <= rows).WithoutRowLimit().AsAsyncEnumerable())
        {
            total += row.Id;
        }

        return total;
    }

    [Benchmark(Description = "plain Npgsql EF Core, AsNoTracking")]
    public async Task<long> PlainEfCore()
    {
        await using var db = new BenchContext(_plainEf);
        long total = 0;
        var rows = (long)Rows;
        await foreach (var row in db.Rows.AsNoTracking().Where(r => r.Id <= rows).AsAsyncEnumerable())
        {
            total += row.Id;
        }

        return total;
    }

    [Benchmark(Description = "SQLAlchemy 1.4 + psycopg2 (process)")]
    public string SqlAlchemy() => BenchData.RunPython(_sandbox, "sqlalchemy_stream.py", Rows);
}
