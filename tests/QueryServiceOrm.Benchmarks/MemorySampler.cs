namespace QueryServiceOrm.Benchmarks;

/// <summary>
/// Managed memory while one writer of the <c>--appends</c> mode runs, above what was live before it: the heap's high-water
/// mark (sampled every 5 ms) and the most live memory, taken with a full collection every so many rows the generator
/// yields, so that only what the writer still holds counts.
/// </summary>
internal sealed class MemorySampler
{
    // The generators reach the running sampler through here: they know nothing of the measurement.
    private static MemorySampler? _running;

    private readonly int _liveEvery;
    private readonly long _baseline;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;
    private long _live;

    private MemorySampler(int liveEvery)
    {
        _liveEvery = liveEvery;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        _baseline = GC.GetTotalMemory(forceFullCollection: true);
        _sampling = Task.Run(SampleAsync);
    }

    public static MemorySampler Start(int liveEvery) => _running = new MemorySampler(liveEvery);

    /// <summary>Called by the generators for each row they yield (counted from 1).</summary>
    public static void RowGenerated(long row)
    {
        if (_running is { } sampler && row % sampler._liveEvery == 0)
        {
            sampler._live = Math.Max(sampler._live, GC.GetTotalMemory(forceFullCollection: true));
        }
    }

    /// <summary>Stops sampling; returns the two memory cells of the table row.</summary>
    public async Task<string> StopAsync()
    {
        _running = null;
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
        // The heap can end a run below where it began (what an earlier run left is freed during this one): nothing held is 0.
        return $"{Mib(Math.Max(0, _peak - _baseline)):F1} MiB | {Mib(Math.Max(0, _live - _baseline)):F1} MiB";
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
            await Task.Delay(5);
        }
    }

    private static double Mib(long bytes) => bytes / 1024.0 / 1024.0;
}
