using System.Data.Common;

namespace QueryServiceOrm.Storage;

/// <summary>
/// Turns a server error into the library's typed exception where every path passes (queries, ExecuteSql, SaveChanges,
/// migrations); an exception left as it is keeps its own stack trace.
/// </summary>
/// <remarks>
/// Throwing from CommandFailed replaces the exception EF rethrows; interceptors added after this one then do not see the
/// failure (EF runs the library's interceptors first).
/// </remarks>
internal sealed class ServerErrorInterceptor : DbCommandInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        if (QueryServiceErrors.Translate(eventData.Exception) is var translated && !ReferenceEquals(translated, eventData.Exception))
        {
            throw translated;
        }
    }

    public override Task CommandFailedAsync(
        DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }
}
