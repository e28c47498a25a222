using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Query;

namespace QueryServiceOrm.Storage;

/// <summary>
/// Wraps the readers of queries (not of SaveChanges) in <see cref="QueryServiceDataReader"/>, reading the first row
/// ahead while the execution strategy still watches. It also makes silent truncation impossible: a query with
/// neither a top-level LIMIT nor WithoutRowLimit() is capped by the service (50,000 rows by default), so its rows
/// are counted, and a result of exactly the cap raises the warning <see cref="QueryServiceEventId.RowCapReached"/>, which
/// <c>ConfigureWarnings</c> can turn into an exception.
/// </summary>
internal sealed partial class QueryServiceReaderInterceptor(QueryServiceQueryOptions options) : DbCommandInterceptor
{
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        if (Wrap(command, eventData, result) is not { } reader)
        {
            return result;
        }

        try
        {
            reader.ReadAhead();
            return reader;
        }
        catch (Exception e)
        {
            result.Dispose();
            throw QueryServiceErrors.Translate(e);
        }
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (Wrap(command, eventData, result) is not { } reader)
        {
            return result;
        }

        try
        {
            await reader.ReadAheadAsync(cancellationToken).ConfigureAwait(false);
            return reader;
        }
        catch (Exception e)
        {
            result.Dispose();
            throw QueryServiceErrors.Translate(e);
        }
    }

    // A write run through the query pipeline reports its count when its reader goes.
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (Update.WriteOutcome.Current is { } outcome && QueryWriteTarget.IsIn(command.CommandText))
        {
            outcome.Record(eventData.RecordsAffected);
        }

        return result;
    }

    // The query logger comes from the command's context: the interceptors are part of what EF's loggers are built from.
    private QueryServiceDataReader? Wrap(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        => eventData.CommandSource is CommandSource.SaveChanges or CommandSource.Migrations or CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete
           || eventData.Context is not { } context
            ? null
            : new QueryServiceDataReader(
                result, IsCapped(command.CommandText) ? options.RowCap : null, context.GetService<IDiagnosticsLogger<DbLoggerCategory.Query>>().RowCapReached);

    // EF ends a statement with its own LIMIT line (subqueries and CTEs come before it, indented or not). Anything else
    // is counted: counting a result that was not capped costs a comparison, missing a capped one loses rows silently.
    private static bool IsCapped(string commandText)
        => !QueryServiceQueryTags.IsIn(commandText, QueryServiceQueryTags.WithoutRowLimit) && !FinalLimit().IsMatch(commandText);

    [GeneratedRegex(@"(^|\n)LIMIT\s+[0-9]+(\s+OFFSET\s+[0-9]+)?\s*;?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FinalLimit();
}
