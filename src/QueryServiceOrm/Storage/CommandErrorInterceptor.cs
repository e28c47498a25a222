using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QueryServiceOrm.Storage;

/// <summary>
/// Turns a failed command's error into the library's typed exception (the server's error stays inside it), and
/// keeps the command's text on it so the execution strategy can tell a read from a write. EF rethrows what this
/// interceptor throws, so every path gets it: queries, ExecuteSql, SaveChanges.
/// </summary>
internal sealed class CommandErrorInterceptor : DbCommandInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => throw Translate(command, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        => throw Translate(command, eventData.Exception);

    /// <summary>The exception to surface for a command's failure, marked with the command's text.</summary>
    public static Exception Translate(DbCommand command, Exception exception)
    {
        var translated = QueryServiceErrors.Translate(exception);
        translated.Data[QueryServiceErrors.CommandTextKey] = command.CommandText;
        return translated;
    }
}
