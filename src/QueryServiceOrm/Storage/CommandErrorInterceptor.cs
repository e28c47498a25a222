using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QueryServiceOrm.Storage;

/// <summary>
/// Keeps a failed command's text on its exception, so the execution strategy can tell a read from a write, and
/// turns the failures of commands EF runs outside any execution strategy (ExecuteSql, scalars) into the
/// library's typed exceptions, by running those commands itself.
/// </summary>
internal sealed class CommandErrorInterceptor : DbCommandInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
        => eventData.Exception.Data[QueryServiceErrors.CommandTextKey] = command.CommandText;

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        => result.HasResult ? result : InterceptionResult<int>.SuppressWithResult(Translated(command.ExecuteNonQuery));

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        => result.HasResult ? result : InterceptionResult<int>.SuppressWithResult(await TranslatedAsync(() => command.ExecuteNonQueryAsync(cancellationToken)).ConfigureAwait(false));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        => result.HasResult ? result : InterceptionResult<object>.SuppressWithResult(Translated(command.ExecuteScalar)!);

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        => result.HasResult ? result : InterceptionResult<object>.SuppressWithResult((await TranslatedAsync(() => command.ExecuteScalarAsync(cancellationToken)).ConfigureAwait(false))!);

    private static T Translated<T>(Func<T> execute)
    {
        try
        {
            return execute();
        }
        catch (Exception e) when (QueryServiceErrors.Translate(e) is QueryServiceException translated)
        {
            throw translated;
        }
    }

    private static async Task<T> TranslatedAsync<T>(Func<Task<T>> execute)
    {
        try
        {
            return await execute().ConfigureAwait(false);
        }
        catch (Exception e) when (QueryServiceErrors.Translate(e) is QueryServiceException translated)
        {
            throw translated;
        }
    }
}
