using Npgsql;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Benchmarks;

/// <summary>
/// Materialising 100,000 nested ExperienceEvents (objects and arrays read as JSON) against 100,000 flat rows of the same
/// events (the baseline), both through this library with AsNoTracking; allocated bytes per operation divided by the row
/// count give the memory per row. A raw Npgsql reader running the library's own statement (JSON columns included) shows
/// how much of the nested time is the server's JSON conversion and the transfer rather than the library.
/// </summary>
[MemoryDiagnoser]
public class NestedReadBenchmarks
{
    private QueryServiceDbContextFactory<XdmSampleContext> _factory = null!;
    private NpgsqlDataSource _raw = null!;
    private string _nestedSql = "";

    // Synchronous: the in-process toolchain of BenchmarkDotNet 0.14 does not await an async set-up.
    [GlobalSetup]
    public void SetUp()
    {
        var sandbox = BenchData.GetWithXdmAsync().GetAwaiter().GetResult();
        _factory = new QueryServiceDbContextFactory<XdmSampleContext>(sandbox.Credentials());
        _raw = NpgsqlDataSource.Create(sandbox.BackendConnectionString());
        using var db = _factory.CreateDbContext();
        _nestedSql = NestedEvents(db).ToQueryString();
    }

    private static IQueryable<ExperienceEvent> NestedEvents(XdmSampleContext db) => db.Events.AsNoTracking().WithoutRowLimit();

    [GlobalCleanup]
    public void CleanUp() => _raw.Dispose();

    [Benchmark(Description = "raw reader, same JSON columns")]
    public async Task<long> RawJson()
    {
        await using var command = _raw.CreateCommand(_nestedSql);
        await using var reader = await command.ExecuteReaderAsync();
        long characters = 0;
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                characters += reader.IsDBNull(i) || reader.GetFieldType(i) != typeof(string) ? 0 : reader.GetString(i).Length;
            }
        }

        return characters;
    }

    [Benchmark(Baseline = true, Description = "100,000 flat rows")]
    public async Task<int> Flat()
    {
        await using var db = _factory.CreateDbContext();
        var rows = 0;
        await foreach (var row in db.FlatEvents.AsNoTracking().WithoutRowLimit().AsAsyncEnumerable())
        {
            rows += row.PageName is null ? 0 : 1;
        }

        return rows;
    }

    [Benchmark(Description = "100,000 nested events")]
    public async Task<int> Nested()
    {
        await using var db = _factory.CreateDbContext();
        var rows = 0;
        await foreach (var row in NestedEvents(db).AsAsyncEnumerable())
        {
            rows += row.Web?.WebPageDetails?.Name is null ? 0 : 1;
        }

        return rows;
    }
}
