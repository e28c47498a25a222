using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Metadata;

namespace QueryServiceOrm.ChangeTracking;

/// <summary>
/// EF's state manager, with the library's answer to a keyless entity given to Add, Attach or Update: datasets are often
/// keyless, and EF's own message ("does not have a primary key") does not say how rows reach such a table.
/// </summary>
[SuppressMessage(
    "Usage",
    "EF1001:Internal EF Core API usage.",
    Justification = "EF offers no public hook before a keyless entity is refused by the change tracker, "
        + "only its internal StateManager.")]
internal sealed class QueryServiceStateManager(StateManagerDependencies dependencies) : StateManager(dependencies)
{
    // A keyless entity is never tracked, so its type alone decides: no entry to look up first.
    public override InternalEntityEntry GetOrCreateEntry(object entity)
    {
        RefuseKeyless(Model.FindRuntimeEntityType(entity.GetType()));
        return base.GetOrCreateEntry(entity);
    }

    public override InternalEntityEntry GetOrCreateEntry(object entity, IEntityType? entityType)
    {
        RefuseKeyless(Model.FindRuntimeEntityType(entity.GetType()) ?? entityType);
        return base.GetOrCreateEntry(entity, entityType);
    }

    private static void RefuseKeyless(IEntityType? entityType)
    {
        if (entityType is not null && entityType.FindPrimaryKey() is null)
        {
            throw new InvalidOperationException(
                $"'{entityType.DisplayName()}' has no key, so the change tracker cannot hold it and SaveChanges cannot append it. "
                + $"Append keyless rows with context.AppendAsync(rows), which tracks nothing, "
                + $"or give '{entityType.DisplayName()}' a key with "
                + "HasKey (an XDM dataset's '_id' identifies its records, which is the key 'qsorm scaffold' writes).");
        }
    }
}
