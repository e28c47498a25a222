using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QueryServiceOrm.Tests.Support;

/// <summary>Arms a <see cref="ReplyCuttingProxy"/> just before the n-th append statement a context sends goes out.</summary>
/// <param name="proxy">The proxy the context connects through.</param>
/// <param name="statement">Which append statement, from 1.</param>
/// <param name="forwardStatement">Whether the server gets the statement (and its reply is lost) or not.</param>
internal sealed class ArmOnInsert(ReplyCuttingProxy proxy, int statement, bool forwardStatement) : DbCommandInterceptor
{
    private int _inserts;

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.StartsWith("INSERT INTO ", StringComparison.Ordinal) && Interlocked.Increment(ref _inserts) == statement)
        {
            proxy.Arm(forwardStatement);
        }

        return ValueTask.FromResult(result);
    }
}
