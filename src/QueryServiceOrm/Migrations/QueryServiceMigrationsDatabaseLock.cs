using Microsoft.EntityFrameworkCore.Migrations;

namespace QueryServiceOrm.Migrations;

/// <summary>
/// The in-process migrations lock (see <see cref="QueryServiceHistoryRepository"/> for what it does not cover), released once.
/// </summary>
internal sealed class QueryServiceMigrationsDatabaseLock(IHistoryRepository historyRepository, SemaphoreSlim semaphore)
    : IMigrationsDatabaseLock
{
    private int _released;

    IHistoryRepository IMigrationsDatabaseLock.HistoryRepository => historyRepository;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            semaphore.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
