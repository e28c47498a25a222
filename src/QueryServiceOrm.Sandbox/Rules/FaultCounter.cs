namespace QueryServiceOrm.Sandbox.Rules;

/// <summary>
/// What an injected fault (of the front or of the REST gateway) has matched and failed: at most <see cref="Times"/>
/// failures, however many sessions or requests race for them.
/// </summary>
/// <param name="times">How many matches fail.</param>
internal sealed class FaultCounter(int times)
{
    private readonly object _gate = new();
    private int _matched;
    private int _failed;

    public int Times { get; } = times >= 0
        ? times
        : throw new ArgumentOutOfRangeException(nameof(times), times, "A fault fails zero or more times.");

    public int Matched => Volatile.Read(ref _matched);

    public int Failed => Volatile.Read(ref _failed);

    public void CountMatch() => Interlocked.Increment(ref _matched);

    /// <summary>Takes one of the failures left, if any.</summary>
    public bool TryTakeFailure()
    {
        lock (_gate)
        {
            if (_failed >= Times)
            {
                return false;
            }

            Volatile.Write(ref _failed, _failed + 1);
            return true;
        }
    }
}
