using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace QueryServiceOrm.Update;

/// <summary>The entities of a SaveChanges statement whose outcome is unknown, settled against the table.</summary>
internal static class UncertainEntries
{
    /// <summary>
    /// Asks the table which of the entities landed (one read; a statement writes one table) and marks those Unchanged,
    /// so that SaveChanges appends exactly the others.
    /// </summary>
    /// <param name="context">The context that tracks them.</param>
    /// <param name="entries">The entities of the statement.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task SettleAsync(DbContext context, IReadOnlyList<EntityEntry> entries, CancellationToken cancellationToken)
    {
        var pending = entries.Where(e => e.State == EntityState.Added).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        if (pending.Any(e => e.Context != context))
        {
            throw new ArgumentException(
                "The failure's entities are tracked by another context: resume with the context whose SaveChanges failed.",
                nameof(context));
        }

        // Owned entities sharing the owner's row carry its key under their own property, in the same column.
        var keys = pending.Select(e => (Entry: e, Key: ResumeKey.For(e.Metadata, pending.Count))).ToList();
        var values = keys.Select(k => k.Entry.Property(k.Key.Property.Name).CurrentValue!).ToList();
        var landed = await LandedKeys.FindAsync(context, keys[0].Key, values, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < keys.Count; i++)
        {
            if (landed.Contains(values[i]))
            {
                keys[i].Entry.State = EntityState.Unchanged;
            }
        }
    }
}
