using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace QueryServiceOrm.Update;

/// <summary>
/// SaveChanges stopped at a failed append statement. The entities of the statements before it were appended and are
/// now Unchanged; the rest are still Added, so calling SaveChanges again writes exactly those.
/// </summary>
public sealed class QueryServiceAppendException : DbUpdateException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The failure of the statement.</param>
    /// <param name="appended">The entities that were appended.</param>
    /// <param name="pending">The entities that were not (the failed statement's and the later ones).</param>
    /// <param name="outcomeUnknown">Whether the failed statement may have been applied (the connection broke).</param>
    public QueryServiceAppendException(
        string message, Exception innerException, IReadOnlyList<EntityEntry> appended, IReadOnlyList<EntityEntry> pending, bool outcomeUnknown)
        : base(message, innerException, pending)
    {
        AppendedEntries = appended;
        OutcomeUnknown = outcomeUnknown;
    }

    /// <summary>The entities that were appended (now Unchanged).</summary>
    public IReadOnlyList<EntityEntry> AppendedEntries { get; }

    /// <summary>
    /// Whether the failed statement's rows may have landed after all: the connection broke rather than the server
    /// refusing the statement. Check the table before saving again.
    /// </summary>
    public bool OutcomeUnknown { get; }
}
