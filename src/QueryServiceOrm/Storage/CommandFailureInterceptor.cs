using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QueryServiceOrm.Storage;

/// <summary>Keeps the failed command's text on the exception, so the execution strategy can tell a read from a write.</summary>
internal sealed class CommandFailureInterceptor : DbCommandInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
        => eventData.Exception.Data[QueryServiceErrors.CommandTextKey] = command.CommandText;

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }
}
