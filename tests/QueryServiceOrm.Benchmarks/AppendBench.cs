using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Sandbox;

namespace QueryServiceOrm.Benchmarks;

/// <summary>
/// The append runs the benchmark times, and the <c>--appends</c> mode: each way of writing once, with the statements the
/// server logged for it, its time, and its peak memory (managed memory sampled while it runs; the Python process's peak
/// resident set).
/// </summary>
internal static class AppendBench
{
    public static QueryServiceDbContextFactory<AppendBenchContext> QueryServiceFactory(QueryServiceSandbox sandbox)
        => new(sandbox.Credentials(), o => o.ApplicationName("bench-queryservice"));

    public static DbContextOptions<AppendBenchContext> PlainEfOptions(QueryServiceSandbox sandbox)
        => new DbContextOptionsBuilder<AppendBenchContext>()
            .UseNpgsql(sandbox.BackendConnectionString("bench-plain-ef"))
            .Options;

    // Set by the --appends mode: called every 50,000 generated rows, to take the live memory then.
    private static Action? _every50000Rows;

    public static IEnumerable<BenchRow> Generate(int rows)
    {
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (long i = 1; i <= rows; i++)
        {
            if (i % 50_000 == 0)
            {
                _every50000Rows?.Invoke();
            }

            yield return new BenchRow { Id = i, Name = $"row {i}", Amount = i % 10_000 / 100m, Placed = start.AddSeconds(i), Flag = i % 2 == 0 };
        }
    }

    public static async Task<int> SaveChangesAsync(AppendBenchContext db, int rows)
    {
        await using (db)
        {
            db.Rows.AddRange(Generate(rows));
            return await db.SaveChangesAsync();
        }
    }

    public static async Task<long> AppendAsync(AppendBenchContext db, int rows)
    {
        await using (db)
        {
            return await db.AppendAsync(Generate(rows));
        }
    }

    public static async Task RunAsync()
    {
        var sandbox = await BenchData.GetWithAppendTableAsync();
        var queryService = QueryServiceFactory(sandbox);
        var plainEf = PlainEfOptions(sandbox);
        Console.WriteLine("| way | rows | statements logged | time | managed heap high-water | most live managed memory (full GC every 50,000 rows) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        const int rows = AppendBenchmarks.Rows;
        await MeasureAsync(sandbox, "plain Npgsql EF Core SaveChanges", "bench-plain-ef", rows, () => SaveChangesAsync(new AppendBenchContext(plainEf), rows));
        await MeasureAsync(sandbox, "QueryServiceOrm SaveChanges", "bench-queryservice", rows, () => SaveChangesAsync(queryService.CreateDbContext(), rows));
        await MeasureAsync(sandbox, "QueryServiceOrm AppendAsync", "bench-queryservice", rows, () => AppendAsync(queryService.CreateDbContext(), rows));
        await MeasureAsync(sandbox, "SQLAlchemy ORM add_all + commit", "bench-sqlalchemy", rows, () => Task.FromResult(BenchData.RunPython(sandbox, "sqlalchemy_append.py", rows)));

        // Tracking-free appends hold one statement at a time: ten times the rows, the same memory.
        await MeasureAsync(sandbox, "QueryServiceOrm AppendAsync", "bench-queryservice", rows * 10, () => AppendAsync(queryService.CreateDbContext(), rows * 10));
    }

    private static async Task MeasureAsync<T>(QueryServiceSandbox sandbox, string way, string application, int rows, Func<Task<T>> run)
    {
        await BenchData.EmptyAppendTableAsync(sandbox);
        var statementsBefore = BenchData.LoggedStatements(sandbox, application);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        long live = 0;
        _every50000Rows = () => live = Math.Max(live, GC.GetTotalMemory(forceFullCollection: true));
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(5);
            }
        });
        var watch = Stopwatch.StartNew();
        var result = await run();
        watch.Stop();
        _every50000Rows = null;
        await sampling.CancelAsync();
        await sampler;
        var statements = BenchData.LoggedStatements(sandbox, application) - statementsBefore;
        var written = await BenchData.CountAppendTableAsync(sandbox);
        if (written != rows)
        {
            throw new InvalidOperationException($"{way} wrote {written} rows, not {rows}.");
        }

        // The Python peer reports its own peak resident set (KiB) after the row count.
        var memory = result is string output
            ? $"{long.Parse(output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0:F0} MiB peak RSS (process) | n/a"
            : $"{(peak - baseline) / 1024.0 / 1024.0:F1} MiB | {(live - baseline) / 1024.0 / 1024.0:F1} MiB";
        Console.WriteLine($"| {way} | {rows:N0} | {statements:N0} | {watch.Elapsed.TotalMilliseconds:N0} ms | {memory} |");
    }
}

/// <summary>The append benchmark's table as a context.</summary>
public sealed class AppendBenchContext(DbContextOptions<AppendBenchContext> options) : DbContext(options)
{
    public DbSet<BenchRow> Rows => Set<BenchRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => BenchContext.MapRows(modelBuilder, "bench_appends");
}
