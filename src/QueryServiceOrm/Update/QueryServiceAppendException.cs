using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace QueryServiceOrm.Update;

/// <summary>
/// SaveChanges stopped at a failed append statement. The entities of the statements before it were appended and are
/// now Unchanged; the rest are still Added. When the server refused the statement, calling SaveChanges again writes
/// exactly those; when its outcome is unknown, <c>ResumeAppendAsync</c> first asks the table which of the statement's
/// entities landed.
/// </summary>
public sealed class QueryServiceAppendException : DbUpdateException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The failure of the statement.</param>
    /// <param name="appended">The entities that were appended.</param>
    /// <param name="pending">The entities that were not (the failed statement's and the later ones).</param>
    /// <param name="uncertain">
    /// The failed statement's entities when it may have been applied (the connection broke); empty when the server refused it.
    /// </param>
    public QueryServiceAppendException(
        string message, Exception innerException, IReadOnlyList<EntityEntry> appended, IReadOnlyList<EntityEntry> pending,
        IReadOnlyList<EntityEntry> uncertain)
        : base(message, innerException, pending)
    {
        AppendedEntries = appended;
        UncertainEntries = uncertain;
    }

    /// <summary>The entities that were appended (now Unchanged).</summary>
    public IReadOnlyList<EntityEntry> AppendedEntries { get; }

    /// <summary>
    /// The failed statement's entities, still Added, when its rows may or may not be in the table; empty when the server
    /// refused the statement. They are among <see cref="DbUpdateException.Entries"/>.
    /// </summary>
    public IReadOnlyList<EntityEntry> UncertainEntries { get; }

    /// <summary>
    /// Whether the failed statement's rows may have landed after all: the connection broke or the call was cancelled while
    /// it ran, or the server reported an unexpected row count, rather than the server refusing it. Saving again would
    /// append them twice if they did: <c>context.ResumeAppendAsync(exception)</c> asks the table which of
    /// <see cref="UncertainEntries"/> landed, marks those Unchanged and saves exactly the rest.
    /// </summary>
    public bool OutcomeUnknown => UncertainEntries.Count > 0;
}
