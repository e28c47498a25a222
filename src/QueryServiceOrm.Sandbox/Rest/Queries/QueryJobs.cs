using System.Collections.Concurrent;
using System.Diagnostics;

namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>
/// The sandbox's queries: each submitted one runs in the background, SUBMITTED for <see cref="Latency"/>, then IN_PROGRESS
/// while its statement runs (and for at least <see cref="Latency"/>, so that polling sees it), then SUCCESS, FAILED or KILLED.
/// </summary>
internal sealed class QueryJobs(JobStatements statements, string userId) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, QueryJob> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly RestClock _clock = new();

    /// <summary>The artificial latency of each phase, so that states and progress can be observed.</summary>
    public TimeSpan Latency { get; set; }

    public IReadOnlyCollection<QueryJob> All => (IReadOnlyCollection<QueryJob>)_jobs.Values;

    public QueryJob? Find(string id) => _jobs.GetValueOrDefault(id);

    /// <summary>Accepts a query and starts it.</summary>
    public QueryJob Submit(QueryResourceRequest request, string sql, bool isCtas, bool isInsertInto)
    {
        var job = new QueryJob(Guid.NewGuid().ToString(), request, sql, isCtas, isInsertInto, userId, _clock.Next());
        _jobs[job.Id] = job;
        var run = Task.Run(() => RunAsync(job));
        _running.TryAdd(run, 0);
        _ = run.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
        return job;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running.Keys).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task RunAsync(QueryJob job)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(job.Cancellation, _stopping.Token);
        try
        {
            await Task.Delay(Latency, linked.Token).ConfigureAwait(false);
            job.Start();
            var running = Stopwatch.StartNew();
            var rows = await statements.RunAsync(job, job.Request.DbName, linked.Token).ConfigureAwait(false);

            // The statement has committed: a cancellation from now on comes too late to change the outcome.
            var rest = Latency - running.Elapsed;
            await Task.Delay(rest > TimeSpan.Zero ? rest : TimeSpan.Zero, _stopping.Token)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            job.Succeed(rows);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            job.Kill();
        }
        catch (ServiceErrorException e)
        {
            job.Fail(new QueryErrorBody(e.Error.SqlState, e.Error.Message));
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or IOException)
        {
            job.Fail(new QueryErrorBody("58000", $"Internal System Error: the sandbox's backend failed ({e.Message})."));
        }
    }
}
