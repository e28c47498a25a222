using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Update;

namespace QueryServiceOrm.Update;

/// <summary>
/// Runs the append batches of SaveChanges one after another, outside any transaction (the service has none to offer). When
/// one fails, the entities of the batches before it are marked Unchanged, so a second SaveChanges sends exactly the rest.
/// </summary>
internal sealed class QueryServiceBatchExecutor : IBatchExecutor
{
    public int Execute(IEnumerable<ModificationCommandBatch> commandBatches, IRelationalConnection connection)
    {
        var batches = commandBatches.ToList();
        connection.Open();
        var done = 0;
        try
        {
            for (; done < batches.Count; done++)
            {
                batches[done].Execute(connection);
            }
        }
        catch (Exception exception) when (exception is not QueryServiceAppendOnlyException)
        {
            throw Failed(batches, done, exception);
        }
        finally
        {
            connection.Close();
        }

        return Entries(batches, 0, batches.Count).Distinct().Count();
    }

    public async Task<int> ExecuteAsync(
        IEnumerable<ModificationCommandBatch> commandBatches,
        IRelationalConnection connection,
        CancellationToken cancellationToken = default)
    {
        var batches = commandBatches.ToList();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var done = 0;
        try
        {
            for (; done < batches.Count; done++)
            {
                await batches[done].ExecuteAsync(connection, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not QueryServiceAppendOnlyException)
        {
            throw Failed(batches, done, exception);
        }
        finally
        {
            await connection.CloseAsync().ConfigureAwait(false);
        }

        return Entries(batches, 0, batches.Count).Distinct().Count();
    }

    private static Exception Failed(List<ModificationCommandBatch> batches, int failed, Exception exception)
        => AppendOutcome.Rethrowable(exception, PartiallyAppended(batches, failed, exception));

    private static QueryServiceAppendException PartiallyAppended(List<ModificationCommandBatch> batches, int failed, Exception exception)
    {
        // An entity stored in several tables (inheritance, entity splitting) has landed only when none of its rows is in
        // the failed statement or a later one.
        var pending = Entries(batches, failed, batches.Count - failed);
        var stillPending = pending.ToHashSet();
        var appended = Entries(batches, 0, failed).Where(e => !stillPending.Contains(e)).Distinct().ToList();
        foreach (var entry in appended)
        {
            entry.EntityState = EntityState.Unchanged;
        }

        pending = pending.Distinct().ToList();
        var outcomeUnknown = AppendOutcome.IsUnknown(exception);
        return new QueryServiceAppendException(
            $"Append statement {failed + 1} of {batches.Count} failed: {appended.Count} entities were appended before it and are now "
            + $"Unchanged; {pending.Count} were not and are still Added. "
            + (outcomeUnknown
                ? "The statement's outcome is unknown (the connection failed or the call was cancelled while it ran, "
                  + "or the server reported an unexpected row count): "
                  + "call ResumeAppendAsync(exception), which asks the table which of its entities landed, instead of SaveChanges."
                : "Correct the cause and call SaveChanges again to append exactly those.")
            + " " + exception.Message,
            exception,
            appended.Select(e => e.ToEntityEntry()).ToList(),
            pending.Select(e => e.ToEntityEntry()).ToList(),
            outcomeUnknown ? Entries(batches, failed, 1).Distinct().Select(e => e.ToEntityEntry()).ToList() : []);
    }

    private static List<IUpdateEntry> Entries(List<ModificationCommandBatch> batches, int start, int count)
        => batches.GetRange(start, count).SelectMany(b => b.ModificationCommands).SelectMany(c => c.Entries).ToList();
}
