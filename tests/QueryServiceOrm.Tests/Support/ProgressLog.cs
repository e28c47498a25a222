using System.Collections.Concurrent;
using QueryServiceOrm.Rest;

namespace QueryServiceOrm.Tests.Support;

/// <summary>Keeps every progress report as it is made (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
internal sealed class ProgressLog : IProgress<QueryServiceJobProgress>
{
    private readonly ConcurrentQueue<QueryServiceJobProgress> _reports = new();

    public IReadOnlyList<QueryServiceJobProgress> Reports => [.. _reports];

    /// <summary>The states reported, each once for each run of reports in it.</summary>
    public IReadOnlyList<string> States()
    {
        var states = new List<string>();
        foreach (var report in _reports)
        {
            if (states.Count == 0 || states[^1] != report.State.Name)
            {
                states.Add(report.State.Name);
            }
        }

        return states;
    }

    public void Report(QueryServiceJobProgress value) => _reports.Enqueue(value);
}
