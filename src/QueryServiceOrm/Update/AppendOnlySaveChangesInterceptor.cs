namespace QueryServiceOrm.Update;

/// <summary>
/// Refuses SaveChanges with Modified or Deleted entities before anything is sent: the batches run one by one, so a
/// refusal at the batch that holds the first update would come after earlier appends had landed.
/// </summary>
internal sealed class AppendOnlySaveChangesInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        RefuseChanges(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        RefuseChanges(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void RefuseChanges(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var refused = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted)
            .GroupBy(e => (e.State, Type: e.Metadata.DisplayName()))
            .Select(g => $"{g.Count()} {g.Key.Type} {(g.Key.State == EntityState.Modified ? "modified" : "deleted")}")
            .ToList();
        if (refused.Count > 0)
        {
            throw new QueryServiceAppendOnlyException(
                $"SaveChanges cannot write {string.Join(", ", refused)}: only added entities can be saved. "
                + $"{QueryServiceAppendOnlyException.Alternatives}");
        }
    }
}
