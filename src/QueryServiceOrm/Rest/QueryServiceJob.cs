using System.Diagnostics;

namespace QueryServiceOrm.Rest;

/// <summary>
/// A batch query submitted to the REST API: its id and last known state, a bounded wait for its end, and its cancellation
/// on the server. Waiting polls <c>GET /queries/{id}</c>, the interval doubling from <see cref="QueryServiceRestOptions.PollInterval"/>
/// to <see cref="QueryServiceRestOptions.MaxPollInterval"/>.
/// </summary>
public sealed class QueryServiceJob
{
    private readonly QueryServiceRestClient _client;

    internal QueryServiceJob(QueryServiceRestClient client, QueryServiceQuery query)
    {
        _client = client;
        Query = query;
    }

    /// <summary>The query's id.</summary>
    public string Id => Query.Id;

    /// <summary>Its state when last read.</summary>
    public QueryServiceJobState State => Query.State;

    /// <summary>The rows it wrote (once it has succeeded).</summary>
    public long RowCount => Query.RowCount;

    /// <summary>The service's errors (once it has failed).</summary>
    public IReadOnlyList<QueryServiceQueryError> Errors => Query.Errors;

    /// <summary>The query as last read.</summary>
    public QueryServiceQuery Query { get; private set; }

    /// <summary>Reads the query again.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<QueryServiceJob> RefreshAsync(CancellationToken cancellationToken = default)
    {
        Query = await _client.GetQueryAsync(Id, cancellationToken).ConfigureAwait(false);
        return this;
    }

    /// <summary>
    /// Waits for the query to end, reporting each state seen. Cancelling <paramref name="cancellationToken"/> cancels the
    /// query on the server too (a job nobody waits for would otherwise run, and cost, for up to 24 hours), then throws
    /// <see cref="OperationCanceledException"/>; to stop waiting but let the job run, stop calling this instead.
    /// </summary>
    /// <param name="progress">Told the state it starts from and the outcome of every poll.</param>
    /// <param name="cancellationToken">Cancels the wait and the query.</param>
    /// <returns>This job, succeeded.</returns>
    /// <exception cref="QueryServiceJobFailedException">The query failed; the message has the service's error.</exception>
    /// <exception cref="QueryServiceJobCancelledException">The query was cancelled by someone else.</exception>
    /// <exception cref="TimeoutException">It ran past <see cref="QueryServiceRestOptions.MaxWait"/>; it may still be running.</exception>
    public async Task<QueryServiceJob> WaitAsync(
        IProgress<QueryServiceJobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var options = _client.Options;
        var waited = Stopwatch.StartNew();
        var interval = options.PollInterval;
        var polls = 0;
        Report(progress, polls, waited.Elapsed);
        while (!State.IsTerminal)
        {
            if (waited.Elapsed >= options.MaxWait)
            {
                throw new TimeoutException(
                    $"Query {Id} was still {State} after {options.MaxWait} (MaxWait); it may still be running. "
                    + $"Follow it with GetJobAsync(\"{Id}\"), or cancel it.");
            }

            try
            {
                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
                await RefreshAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await CancelOnServerAsync().ConfigureAwait(false);
                throw;
            }

            Report(progress, ++polls, waited.Elapsed);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, options.MaxPollInterval.Ticks));
        }

        return State == QueryServiceJobState.Success
            ? this
            : State == QueryServiceJobState.Failed
                ? throw new QueryServiceJobFailedException(Query)
                : throw new QueryServiceJobCancelledException(Query);
    }

    /// <summary>Asks the service to cancel the query (<c>{"op": "cancel"}</c>); <see cref="WaitAsync"/> then ends with its state.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task CancelAsync(CancellationToken cancellationToken = default) => _client.CancelQueryAsync(Id, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"Query {Id} ({State})";

    // The caller's token is cancelled already: the cancellation gets a bounded time of its own. A query that ended meanwhile
    // cannot be cancelled, and says so with a 400: that is no failure of the cancellation.
    private async Task CancelOnServerAsync()
    {
        using var timeout = new CancellationTokenSource(_client.Options.AttemptTimeout * 2);
        try
        {
            await CancelAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (QueryServiceRestException e) when (e.StatusCode == System.Net.HttpStatusCode.BadRequest)
        {
            await RefreshAsync(timeout.Token).ConfigureAwait(false);
        }
    }

    private void Report(IProgress<QueryServiceJobProgress>? progress, int polls, TimeSpan waited)
        => progress?.Report(new QueryServiceJobProgress(Id, State, polls, waited, TimeSpan.FromMilliseconds(Query.ElapsedTime), RowCount));
}
