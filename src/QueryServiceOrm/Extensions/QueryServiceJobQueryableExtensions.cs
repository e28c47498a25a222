using QueryServiceOrm.Query;
using QueryServiceOrm.Rest;
using QueryServiceOrm.Update;

namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// The job forms of the server-side writes: the same statement <c>CreateTableAsAsync</c> and <c>InsertIntoAsync</c> send
/// over the wire, submitted instead as a batch query through the REST API. A job has no 10 minute timeout and no session to
/// hold; it returns at once with a handle to wait for (<see cref="QueryServiceJob.WaitAsync"/>) or cancel.
/// </summary>
public static class QueryServiceJobQueryableExtensions
{
    /// <summary>Submits <c>CREATE TABLE table [WITH (...)] AS SELECT ...</c> (CTAS) as a batch query.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="query">The rows of the new table.</param>
    /// <param name="client">The REST client (from <c>AddQueryServiceRestClient</c>).</param>
    /// <param name="table">The new table, <c>name</c> or <c>schema.name</c>, without double underscores.</param>
    /// <param name="configure">The dataset's schema title, label and row validation.</param>
    /// <param name="cancellationToken">Cancels the submission (not the job, once submitted).</param>
    /// <returns>The submitted job.</returns>
    public static Task<QueryServiceJob> CreateTableAsJobAsync<T>(
        this IQueryable<T> query, QueryServiceRestClient client, string table, Action<QueryServiceCreateTableBuilder>? configure = null,
        CancellationToken cancellationToken = default)
        => SubmitAsync(query, client, QueryServiceWriteQueryableExtensions.CreateTableTarget(table, configure), cancellationToken);

    /// <summary>Submits <c>INSERT INTO table (cols) SELECT ...</c> as a batch query.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="query">The rows to append.</param>
    /// <param name="client">The REST client (from <c>AddQueryServiceRestClient</c>).</param>
    /// <param name="table">The table, <c>name</c> or <c>schema.name</c>.</param>
    /// <param name="cancellationToken">Cancels the submission.</param>
    /// <returns>The submitted job.</returns>
    public static Task<QueryServiceJob> InsertIntoJobAsync<T>(
        this IQueryable<T> query, QueryServiceRestClient client, string table, CancellationToken cancellationToken = default)
        => SubmitAsync(query, client, QueryServiceWriteQueryableExtensions.InsertTarget(table), cancellationToken);

    /// <summary>Submits an append to an entity type's table as a batch query, the members matched to its columns by name.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <typeparam name="TTarget">The target entity type.</typeparam>
    /// <param name="query">The rows to append.</param>
    /// <param name="client">The REST client (from <c>AddQueryServiceRestClient</c>).</param>
    /// <param name="target">The target entity set.</param>
    /// <param name="cancellationToken">Cancels the submission.</param>
    /// <returns>The submitted job.</returns>
    public static Task<QueryServiceJob> InsertIntoJobAsync<T, TTarget>(
        this IQueryable<T> query, QueryServiceRestClient client, DbSet<TTarget> target, CancellationToken cancellationToken = default)
        where TTarget : class
        => SubmitAsync(query, client, QueryServiceWriteQueryableExtensions.InsertTarget(target), cancellationToken);

    private static async Task<QueryServiceJob> SubmitAsync<T>(
        IQueryable<T> query, QueryServiceRestClient client, QueryWriteTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var sql = QueryWriteOperators.Statement(query, target);
        return await client.SubmitJobAsync(new QueryServiceQueryRequest { Sql = sql }, cancellationToken).ConfigureAwait(false);
    }
}
