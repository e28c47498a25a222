using QueryServiceOrm.Update;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Tracking-free appends to Query Service datasets.</summary>
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
    /// <exception cref="QueryServiceBulkAppendException">A statement failed; the rows before it were appended.</exception>
    public static Task<long> AppendAsync<TEntity>(this DbContext context, IEnumerable<TEntity> entities, CancellationToken cancellationToken = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(entities);
        return new EntityAppender<TEntity>(context).AppendAsync(entities.ToAsyncEnumerable(), cancellationToken);
    }

    /// <inheritdoc cref="AppendAsync{TEntity}(DbContext, IEnumerable{TEntity}, CancellationToken)"/>
    public static Task<long> AppendAsync<TEntity>(this DbContext context, IAsyncEnumerable<TEntity> entities, CancellationToken cancellationToken = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(entities);
        return new EntityAppender<TEntity>(context).AppendAsync(entities, cancellationToken);
    }
}
