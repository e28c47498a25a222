using System.Diagnostics;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Sandbox;

namespace QueryServiceOrm.Benchmarks;

/// <summary>
/// The append runs the benchmark times, and the <c>--appends</c> mode: each way of writing once, with the statements the
/// server logged for it, its time (also as a ratio to the SQLAlchemy peer's in the same run), and its peak memory (managed
/// memory sampled while it runs; the Python process's peak resident set). Two workloads: 100,000 flat rows, and 10,000
/// nested events (<see cref="BenchEvent"/>), the latter alone with <c>--nested</c>.
/// </summary>
internal static class AppendBench
{
    public const int NestedEvents = 10_000;

    public static QueryServiceDbContextFactory<TContext> QueryServiceFactory<TContext>(QueryServiceSandbox sandbox)
        where TContext : DbContext
        => new(sandbox.Credentials(), o => o.ApplicationName("bench-queryservice"));

    public static DbContextOptions<TContext> PlainEfOptions<TContext>(QueryServiceSandbox sandbox)
        where TContext : DbContext
        => new DbContextOptionsBuilder<TContext>()
            .UseNpgsql(sandbox.BackendConnectionString("bench-plain-ef"))
            .Options;

    public static IEnumerable<BenchRow> Generate(int rows)
    {
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (long i = 1; i <= rows; i++)
        {
            MemorySampler.RowGenerated(i);
            yield return new BenchRow
            {
                Id = i,
                Name = $"row {i}",
                Amount = i % 10_000 / 100m,
                Placed = start.AddSeconds(i),
                Flag = i % 2 == 0
            };
        }
    }

    public static async Task<int> SaveChangesAsync<TEntity>(DbContext db, IEnumerable<TEntity> rows)
        where TEntity : class
    {
        await using (db)
        {
            db.Set<TEntity>().AddRange(rows);
            return await db.SaveChangesAsync();
        }
    }

    public static async Task<long> AppendAsync<TEntity>(DbContext db, IEnumerable<TEntity> rows)
        where TEntity : class
    {
        await using (db)
        {
            return await db.AppendAsync(rows);
        }
    }

    public static async Task RunAsync(bool nestedOnly)
    {
        var sandbox = await BenchData.GetWithAppendTableAsync();
        if (!nestedOnly)
        {
            AppendTable.Print(
                $"{AppendBenchmarks.Rows:N0} flat rows", "rows", 50_000, await MeasureAllAsync(sandbox, FlatWays(sandbox), 50_000));
        }

        await BenchData.CreateNestedTablesAsync(sandbox);
        AppendTable.Print($"{NestedEvents:N0} nested events", "events", 5_000, await MeasureAllAsync(sandbox, NestedWays(sandbox), 5_000));
    }

    private static IEnumerable<AppendWay> FlatWays(QueryServiceSandbox sandbox)
    {
        var queryService = QueryServiceFactory<AppendBenchContext>(sandbox);
        var plainEf = PlainEfOptions<AppendBenchContext>(sandbox);
        const int rows = AppendBenchmarks.Rows;
        const string table = AppendBenchContext.Table;
        yield return new(
            "plain Npgsql EF Core SaveChanges", "bench-plain-ef", table, rows,
            async () => await SaveChangesAsync(new AppendBenchContext(plainEf), Generate(rows)));
        yield return new(
            "QueryServiceOrm SaveChanges", "bench-queryservice", table, rows,
            async () => await SaveChangesAsync(queryService.CreateDbContext(), Generate(rows)));
        yield return new(
            "QueryServiceOrm AppendAsync", "bench-queryservice", table, rows,
            async () => await AppendAsync(queryService.CreateDbContext(), Generate(rows)));
        yield return new(
            "SQLAlchemy ORM add_all + commit", AppendTable.Peer, table, rows,
            () => Task.FromResult<object>(BenchData.RunPython(sandbox, "sqlalchemy_append.py", rows)));

        // Tracking-free appends hold one statement at a time: ten times the rows, the same memory.
        yield return new(
            "QueryServiceOrm AppendAsync", "bench-queryservice", table, rows * 10,
            async () => await AppendAsync(queryService.CreateDbContext(), Generate(rows * 10)));
    }

    // The QueryServiceOrm writers fill a table of structs, an array of structs and a map through the front; the peers, on
    // the backend, one of jsonb columns (JsonbColumns says why).
    private static IEnumerable<AppendWay> NestedWays(QueryServiceSandbox sandbox)
    {
        var queryService = QueryServiceFactory<NestedAppendContext<XdmColumns>>(sandbox);
        var plainEf = PlainEfOptions<NestedAppendContext<JsonbColumns>>(sandbox);
        const int events = NestedEvents;
        yield return new("plain Npgsql EF Core SaveChanges (jsonb)", "bench-plain-ef", JsonbColumns.Table, events,
            async () => await SaveChangesAsync(new NestedAppendContext<JsonbColumns>(plainEf), BenchEvent.Generate(events)));
        yield return new("QueryServiceOrm SaveChanges", "bench-queryservice", XdmColumns.Table, events,
            async () => await SaveChangesAsync(queryService.CreateDbContext(), BenchEvent.Generate(events)));
        yield return new("QueryServiceOrm AppendAsync", "bench-queryservice", XdmColumns.Table, events,
            async () => await AppendAsync(queryService.CreateDbContext(), BenchEvent.Generate(events)));
        yield return new("SQLAlchemy ORM add_all + commit (JSONB)", AppendTable.Peer, JsonbColumns.Table, events,
            () => Task.FromResult<object>(BenchData.RunPython(sandbox, "sqlalchemy_append_nested.py", events)));
    }

    private static async Task<List<AppendResult>> MeasureAllAsync(QueryServiceSandbox sandbox, IEnumerable<AppendWay> ways, int liveEvery)
    {
        var results = new List<AppendResult>();
        foreach (var way in ways)
        {
            results.Add(await MeasureAsync(sandbox, way, liveEvery));
        }

        return results;
    }

    private static async Task<AppendResult> MeasureAsync(QueryServiceSandbox sandbox, AppendWay way, int liveEvery)
    {
        await BenchData.EmptyTableAsync(sandbox, way.Table);
        var statementsBefore = BenchData.LoggedStatements(sandbox, way.Application);
        var memory = MemorySampler.Start(liveEvery);
        var watch = Stopwatch.StartNew();
        var result = await way.Run();
        watch.Stop();
        var managed = await memory.StopAsync();
        var statements = BenchData.LoggedStatements(sandbox, way.Application) - statementsBefore;
        var written = await BenchData.CountTableAsync(sandbox, way.Table);
        if (written != way.Rows)
        {
            throw new InvalidOperationException($"{way.Name} wrote {written} rows, not {way.Rows}.");
        }

        return new AppendResult(way, statements, watch.Elapsed, result is string output ? AppendTable.PythonMemory(output) : managed);
    }
}

/// <summary>The append benchmark's table as a context.</summary>
public sealed class AppendBenchContext(DbContextOptions<AppendBenchContext> options) : DbContext(options)
{
    public const string Table = "bench_appends";

    public DbSet<BenchRow> Rows => Set<BenchRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => BenchContext.MapRows(modelBuilder, Table);
}
