using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
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
            throw PartiallyAppended(batches, done, exception);
        }
        finally
        {
            connection.Close();
        }

        return Entries(batches, 0, batches.Count).Count;
    }

    public async Task<int> ExecuteAsync(
        IEnumerable<ModificationCommandBatch> commandBatches, IRelationalConnection connection, CancellationToken cancellationToken = default)
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
            throw PartiallyAppended(batches, done, exception);
        }
        finally
        {
            await connection.CloseAsync().ConfigureAwait(false);
        }

        return Entries(batches, 0, batches.Count).Count;
    }

    private static QueryServiceAppendException PartiallyAppended(List<ModificationCommandBatch> batches, int failed, Exception exception)
    {
        var appended = Entries(batches, 0, failed);
        foreach (var entry in appended)
        {
            entry.EntityState = EntityState.Unchanged;
        }

        var pending = Entries(batches, failed, batches.Count - failed);

        // A statement the server answered with an error did not apply; one whose connection broke may have.
        var outcomeUnknown = exception is not (Npgsql.PostgresException or QueryServiceServerException);
        return new QueryServiceAppendException(
            $"Append statement {failed + 1} of {batches.Count} failed: {appended.Count} entities were appended before it and are now "
            + $"Unchanged; {pending.Count} were not and are still Added. "
            + (outcomeUnknown
                ? "The connection failed while the statement ran, so its rows may have been written: check the table before calling SaveChanges again."
                : "Correct the cause and call SaveChanges again to append exactly those.")
            + " " + exception.Message,
            exception,
            appended.Select(e => e.ToEntityEntry()).ToList(),
            pending.Select(e => e.ToEntityEntry()).ToList(),
            outcomeUnknown);
    }

    private static List<IUpdateEntry> Entries(List<ModificationCommandBatch> batches, int start, int count)
        => batches.GetRange(start, count).SelectMany(b => b.ModificationCommands).SelectMany(c => c.Entries).ToList();
}
