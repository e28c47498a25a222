using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QueryServiceOrm.Storage;

/// <summary>
/// Gives the execution strategy what it needs to decide on retries: every command is entered in the
/// <see cref="CommandJournal"/> before it is sent, failed ones included. A server error becomes the
/// library's typed exception here, so every path gets it (queries, ExecuteSql, SaveChanges); an exception left as it
/// is keeps its own stack trace.
/// </summary>
/// <remarks>
/// Throwing from CommandFailed replaces the exception EF rethrows; interceptors added after this one then do not see the
/// failure (EF runs the library's interceptors first).
/// </remarks>
internal sealed class ExecutionTrackingInterceptor(CommandJournal journal) : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        => Recorded(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Recorded(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        => Recorded(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Recorded(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        => Recorded(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Recorded(command, result));

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        if (QueryServiceErrors.Translate(eventData.Exception) is var translated && !ReferenceEquals(translated, eventData.Exception))
        {
            throw translated;
        }
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }

    private T Recorded<T>(DbCommand command, T result)
    {
        journal.Record(command.CommandText);
        return result;
    }
}
