using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Sandbox;

namespace QueryServiceOrm.Benchmarks;

/// <summary>
/// Writes 100,000 flat rows into an empty table of the stand-in over TLS: SaveChanges and AppendAsync through this library
/// against plain Npgsql EF Core's SaveChanges (the baseline) and SQLAlchemy 1.4's ORM add_all + commit over psycopg2 (a
/// Python process per run, its start-up included). The table is emptied before every iteration.
/// </summary>
[MemoryDiagnoser]
public class AppendBenchmarks
{
    public const int Rows = 100_000;

    private QueryServiceSandbox _sandbox = null!;
    private QueryServiceDbContextFactory<AppendBenchContext> _queryService = null!;
    private DbContextOptions<AppendBenchContext> _plainEf = null!;

    // Synchronous: the in-process toolchain of BenchmarkDotNet 0.14 does not await an async set-up.
    [GlobalSetup]
    public void SetUp()
    {
        _sandbox = BenchData.GetWithAppendTableAsync().GetAwaiter().GetResult();
        _queryService = AppendBench.QueryServiceFactory<AppendBenchContext>(_sandbox);
        _plainEf = AppendBench.PlainEfOptions<AppendBenchContext>(_sandbox);
    }

    [IterationSetup]
    public void EmptyTable() => BenchData.EmptyTableAsync(_sandbox, AppendBenchContext.Table).GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "plain Npgsql EF Core SaveChanges")]
    public Task<int> PlainEfCoreSaveChanges() => AppendBench.SaveChangesAsync(new AppendBenchContext(_plainEf), AppendBench.Generate(Rows));

    [Benchmark(Description = "QueryServiceOrm SaveChanges")]
    public Task<int> QueryServiceSaveChanges() => AppendBench.SaveChangesAsync(_queryService.CreateDbContext(), AppendBench.Generate(Rows));

    [Benchmark(Description = "QueryServiceOrm AppendAsync")]
    public Task<long> QueryServiceAppendAsync() => AppendBench.AppendAsync(_queryService.CreateDbContext(), AppendBench.Generate(Rows));

    [Benchmark(Description = "SQLAlchemy 1.4 ORM add_all + commit (process)")]
    public string SqlAlchemy() => BenchData.RunPython(_sandbox, "sqlalchemy_append.py", Rows);
}
