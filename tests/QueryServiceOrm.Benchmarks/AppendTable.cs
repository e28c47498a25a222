using System.Globalization;

namespace QueryServiceOrm.Benchmarks;

/// <summary>
/// One writer of an <c>--appends</c> table: the application name its statements are logged under, the table it fills, and how many rows.
/// </summary>
internal sealed record AppendWay(string Name, string Application, string Table, int Rows, Func<Task<object>> Run);

/// <summary>What one writer took: the statements the server logged for it, its wall time and its memory cells.</summary>
internal sealed record AppendResult(AppendWay Way, int Statements, TimeSpan Time, string Memory);

/// <summary>
/// Prints one workload's results as a Markdown table. Each time is also given as a ratio to the SQLAlchemy peer's in the
/// same run and with the same rows: the machine is shared, so only ratios within one run compare across runs.
/// </summary>
internal static class AppendTable
{
    public const string Peer = "bench-sqlalchemy";

    public static void Print(string title, string rowsName, int liveEvery, IReadOnlyList<AppendResult> results)
    {
        var peer = results.FirstOrDefault(r => r.Way.Application == Peer);
        Console.WriteLine();
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        Console.WriteLine(
            $"| way | {rowsName} | statements logged | time | time ÷ SQLAlchemy's | managed heap high-water | most live managed memory "
            + $"(full GC every {liveEvery:N0} {rowsName}) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(
                $"| {r.Way.Name} | {r.Way.Rows:N0} | {r.Statements:N0} | {r.Time.TotalMilliseconds:N0} ms | {Ratio(r, peer)} | "
                + $"{r.Memory} |");
        }
    }

    /// <summary>The Python peers print their row count and their peak resident set (KiB): the memory cells of their row.</summary>
    public static string PythonMemory(string output)
        => $"{long.Parse(output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0:F0} MiB "
            + $"peak RSS (process) | n/a";

    // Only a writer of the peer's row count has a ratio: the tenfold AppendAsync run is there for its memory.
    private static string Ratio(AppendResult result, AppendResult? peer)
        => peer is null || peer.Way.Rows != result.Way.Rows ? "n/a" : $"{result.Time / peer.Time:F2}";
}
