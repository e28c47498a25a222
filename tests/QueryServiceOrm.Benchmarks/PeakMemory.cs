using System.Diagnostics;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Benchmarks;

/// <summary>
/// Shows that streaming keeps memory flat in the row count: the most live managed memory seen while streaming
/// 100,000 and 1,000,000 rows (a full collection every 50,000 rows, so only what is still referenced counts).
/// </summary>
internal static class PeakMemory
{
    public static async Task RunAsync()
    {
        var sandbox = await BenchData.GetAsync();
        var factory = new QueryServiceDbContextFactory<BenchContext>(sandbox.Credentials());
        Console.WriteLine("| rows | most live managed memory while streaming |");
        Console.WriteLine("|---:|---:|");
        foreach (var rows in new long[] { 100_000, 1_000_000, 100_000, 1_000_000 })
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await using var db = factory.CreateDbContext();
            long seen = 0;
            long largest = 0;
            await foreach (var row in db.Rows.AsNoTracking().Where(r => r.Id <= rows).WithoutRowLimit().AsAsyncEnumerable())
            {
                if (++seen % 50_000 == 0)
                {
                    largest = Math.Max(largest, GC.GetTotalMemory(forceFullCollection: true));
                }
            }

            Console.WriteLine($"| {seen:N0} | {largest / 1024.0 / 1024.0:F1} MiB |");
        }

        Console.WriteLine($"process peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB");
    }
}
