using System.Runtime.ExceptionServices;
using Npgsql;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Storage;

/// <summary>
/// Retries reads that failed for a passing reason (every licensed session busy, a dropped connection, a token
/// refused right after it was renewed), with exponential backoff and a cap; never a write, since the data lake
/// has no transaction to undo half of one. Whatever escapes becomes the library's typed exception.
/// </summary>
internal sealed class QueryServiceExecutionStrategy(
    ExecutionStrategyDependencies dependencies,
    QueryServiceQueryOptions options,
    CommandJournal journal,
    Credentials.QueryServiceAccessTokenProvider? tokens)
    : ExecutionStrategy(dependencies, options.MaxRetryCount, options.MaxRetryDelay)
{
    /// <summary>
    /// False, although reads are retried: EF buffers every row of a query in memory when a strategy says it retries,
    /// so that a failure in the middle of a result could be replayed. The service streams millions of rows, and only
    /// failures seen before the first row is handed out are retried (the first row is read ahead inside the strategy),
    /// so nothing needs buffering.
    /// </summary>
    public override bool RetriesOnFailure => false;

    public override TResult Execute<TState, TResult>(
        TState state, Func<DbContext, TState, TResult> operation, Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded)
    {
        try
        {
            return base.Execute(state, operation, verifySucceeded);
        }
        catch (Exception e) when (QueryServiceErrors.Translate(Unwrap(e)) is QueryServiceException translated)
        {
            ExceptionDispatchInfo.Throw(translated);
            throw;
        }
    }

    public override async Task<TResult> ExecuteAsync<TState, TResult>(
        TState state,
        Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (QueryServiceErrors.Translate(Unwrap(e)) is QueryServiceException translated)
        {
            ExceptionDispatchInfo.Throw(translated);
            throw;
        }
    }

    // Only the outermost operation starts a fresh journal; nested ones run inside it.
    protected override void OnFirstExecution()
    {
        journal.Reset();
        base.OnFirstExecution();
    }

    protected override bool ShouldRetryOn(Exception exception)
    {
        // Once anything but a read went out in this operation, retrying the operation would send it again.
        if (journal.WriteSent)
        {
            return false;
        }

        // A connect timeout already waited as long as the application allows; trying again would multiply that wait.
        if (QueryServiceErrors.Find<QueryServiceConnectTimeoutException>(exception) is not null)
        {
            return false;
        }

        // Failures arrive already typed, with Npgsql's exception inside.
        return QueryServiceErrors.Find<NpgsqlException>(exception) switch
        {
            PostgresException error when QueryServiceErrors.IsSessionLimit(error) => true,
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword } when tokens is not null => tokens.Invalidate(),
            PostgresException => false,
            { IsTransient: true } => true,
            _ => false,
        };
    }

    // The base decides whether another try is left; the delay doubles from the configured base, with a little jitter
    // so that queued clients do not all come back at once.
    protected override TimeSpan? GetNextDelay(Exception lastException)
    {
        if (base.GetNextDelay(lastException) is null)
        {
            return null;
        }

        var doubled = options.RetryBaseDelay.Ticks * Math.Pow(2, ExceptionsEncountered.Count - 1);
        var jitter = Random.Shared.NextDouble() * options.RetryBaseDelay.Ticks / 4;
        return TimeSpan.FromTicks((long)Math.Min(options.MaxRetryDelay.Ticks, doubled + jitter));
    }

    // A retry gave up: the last failure is what the caller needs to see.
    private static Exception Unwrap(Exception exception)
        => exception is RetryLimitExceededException { InnerException: { } last } ? last : exception;
}
