using QueryServiceOrm.Update;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Tracking-free appends to Query Service datasets, and exactly-once resumes of failed appends.</summary>
public static class QueryServiceDbContextExtensions
{
    /// <summary>
    /// Appends entities to their table without tracking them, in statements bounded as
    /// <see cref="QueryServiceOrm.Infrastructure.QueryServiceDbContextOptionsBuilder.AppendBatches"/> says; memory holds one
    /// statement whatever the number of entities.
    /// </summary>
    /// <typeparam name="TEntity">An entity type of the context (keyless ones included).</typeparam>
    /// <param name="context">The context.</param>
    /// <param name="entities">The entities, read once.</param>
    /// <param name="cancellationToken">Stops between statements (and cancels the running one).</param>
    /// <returns>How many rows were appended.</returns>
    /// <exception cref="QueryServiceBulkAppendException">
    /// A statement failed; the entities before it were appended. <c>ResumeAppendAsync</c> with the same sequence appends the rest once.
    /// </exception>
    public static Task<long> AppendAsync<TEntity>(
        this DbContext context, IEnumerable<TEntity> entities, CancellationToken cancellationToken = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(entities);
        return new EntityAppender<TEntity>(context).AppendAsync(entities.ToAsyncEnumerable(), cancellationToken);
    }

    /// <inheritdoc cref="AppendAsync{TEntity}(DbContext, IEnumerable{TEntity}, CancellationToken)"/>
    public static Task<long> AppendAsync<TEntity>(
        this DbContext context, IAsyncEnumerable<TEntity> entities, CancellationToken cancellationToken = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(entities);
        return new EntityAppender<TEntity>(context).AppendAsync(entities, cancellationToken);
    }

    /// <summary>
    /// Finishes a SaveChanges that failed with <see cref="QueryServiceAppendException"/>, appending each entity exactly once.
    /// When the failed statement's outcome is unknown, one read (<c>SELECT DISTINCT key FROM t WHERE key IN (...)</c>, the
    /// keys of that statement) finds which of <see cref="QueryServiceAppendException.UncertainEntries"/> landed; those become
    /// Unchanged, and SaveChanges appends the entities still Added. A key the table already held, from any append, counts
    /// as landed.
    /// </summary>
    /// <param name="context">The context whose SaveChanges failed, tracking the entities as the failure left them.</param>
    /// <param name="failure">The failure.</param>
    /// <param name="cancellationToken">Cancels the read and the save.</param>
    /// <returns>The number of entities SaveChanges wrote.</returns>
    /// <exception cref="InvalidOperationException">
    /// The uncertain entities' key has more than one property, or they are stored in more than one table, so the table
    /// cannot be asked; nothing was sent.
    /// </exception>
    /// <exception cref="QueryServiceAppendException">A statement of the resumed save failed: resume again with it.</exception>
    public static async Task<int> ResumeAppendAsync(
        this DbContext context, QueryServiceAppendException failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(failure);
        await UncertainEntries.SettleAsync(context, failure.UncertainEntries, cancellationToken).ConfigureAwait(false);
        return await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Finishes an AppendAsync that failed with <see cref="QueryServiceBulkAppendException"/>, given the same sequence again,
    /// appending each entity exactly once: it skips the <see cref="QueryServiceBulkAppendException.AppendedRows"/> entities
    /// known to be in the table; when the failed statement's outcome is unknown, one read
    /// (<c>SELECT DISTINCT key FROM t WHERE key IN (...)</c>, the keys of that statement) finds which of the next
    /// <see cref="QueryServiceBulkAppendException.UncertainRows"/> landed, and one statement appends the others; then the rest
    /// of the sequence is appended as AppendAsync does. A key the table already held, from any append, counts as landed.
    /// </summary>
    /// <typeparam name="TEntity">The entity type of the failed append.</typeparam>
    /// <param name="context">A context configured as the one that failed (the same append bounds).</param>
    /// <param name="failure">The failure.</param>
    /// <param name="entities">The sequence the failed AppendAsync was given, read again from its start.</param>
    /// <param name="cancellationToken">Stops between statements (and cancels the running one).</param>
    /// <returns>How many rows this call appended.</returns>
    /// <exception cref="InvalidOperationException">
    /// The outcome is unknown and the entity type has no key, or a key of more than one property, so the table cannot be
    /// asked which rows landed; nothing was sent. Look those rows up by a value of your own.
    /// </exception>
    /// <exception cref="QueryServiceBulkAppendException">A statement failed: resume again with it and the same sequence.</exception>
    public static Task<long> ResumeAppendAsync<TEntity>(
        this DbContext context,
        QueryServiceBulkAppendException failure,
        IEnumerable<TEntity> entities,
        CancellationToken cancellationToken = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entities);
        return context.ResumeAppendAsync(failure, entities.ToAsyncEnumerable(), cancellationToken);
    }

    /// <inheritdoc cref="ResumeAppendAsync{TEntity}(DbContext, QueryServiceBulkAppendException, IEnumerable{TEntity}, CancellationToken)"/>
    public static Task<long> ResumeAppendAsync<TEntity>(
        this DbContext context,
        QueryServiceBulkAppendException failure,
        IAsyncEnumerable<TEntity> entities,
        CancellationToken cancellationToken = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(entities);
        return new EntityAppender<TEntity>(context).ResumeAsync(failure, entities, cancellationToken);
    }
}
