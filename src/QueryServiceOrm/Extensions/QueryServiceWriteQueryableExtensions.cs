using QueryServiceOrm.Metadata;
using QueryServiceOrm.Query;
using QueryServiceOrm.Storage;
using QueryServiceOrm.Update;

namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// Server-side writes from LINQ: the rows of a query appended to a table (<c>INSERT INTO t (cols) SELECT ...</c>) or made
/// into a new one (CTAS), without passing through the client.
/// </summary>
public static class QueryServiceWriteQueryableExtensions
{
    /// <summary>
    /// Appends the query's rows to a table: <c>INSERT INTO table (cols) SELECT ...</c>, the columns named by the projected
    /// members (or an entity type's columns).
    /// </summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="query">The rows to append.</param>
    /// <param name="table">The table, <c>name</c> or <c>schema.name</c>.</param>
    /// <param name="cancellationToken">Cancels the statement.</param>
    /// <returns>The rows appended, or -1 when the server does not report them.</returns>
    public static Task<int> InsertIntoAsync<T>(this IQueryable<T> query, string table, CancellationToken cancellationToken = default)
        => WriteAsync(query, InsertTarget(table), cancellationToken);

    /// <summary>
    /// Appends the query's rows to the table of an entity type: the projected members are matched to its properties by
    /// name and written to their columns (<c>new { Id = ..., PageName = ... }</c> writes <c>_id</c> and <c>pageName</c>).
    /// </summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <typeparam name="TTarget">The target entity type.</typeparam>
    /// <param name="query">The rows to append.</param>
    /// <param name="target">The target entity set (of any context whose model maps it).</param>
    /// <param name="cancellationToken">Cancels the statement.</param>
    /// <returns>The rows appended, or -1 when the server does not report them.</returns>
    public static Task<int> InsertIntoAsync<T, TTarget>(
        this IQueryable<T> query, DbSet<TTarget> target, CancellationToken cancellationToken = default)
        where TTarget : class
        => WriteAsync(query, InsertTarget(target), cancellationToken);

    /// <summary>
    /// Creates a table from the query's rows: <c>CREATE TABLE table [WITH (...)] AS SELECT ...</c> (CTAS), the columns named
    /// by the projected members. On the service the table becomes a dataset.
    /// </summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="query">The rows of the new table.</param>
    /// <param name="table">The new table, <c>name</c> or <c>schema.name</c>, without double underscores.</param>
    /// <param name="configure">The dataset's schema title, label and row validation.</param>
    /// <param name="cancellationToken">Cancels the statement.</param>
    /// <returns>The creation of the table (PostgreSQL reports no row count for a CTAS, so none is returned).</returns>
    public static Task CreateTableAsAsync<T>(
        this IQueryable<T> query,
        string table,
        Action<QueryServiceCreateTableBuilder>? configure = null,
        CancellationToken cancellationToken = default)
        => WriteAsync(query, CreateTableTarget(table, configure), cancellationToken);

    // The targets of the wire forms and of the job forms (QueryServiceJobQueryableExtensions): one path to the same SQL.
    internal static QueryWriteTarget InsertTarget(string table) => new(CreateTable: false, TableNames.Validate(table, nameof(table)));

    internal static QueryWriteTarget InsertTarget<TTarget>(DbSet<TTarget> target)
        where TTarget : class
    {
        ArgumentNullException.ThrowIfNull(target);
        var (table, schema, mapped) = StoreColumns.Of(target.EntityType, "nothing can be appended to it");
        var columns = mapped.ToDictionary(c => c.Property.Name, c => c.Column, StringComparer.Ordinal);
        return new QueryWriteTarget(CreateTable: false, schema is null ? table : schema + "." + table) { ColumnNames = columns };
    }

    internal static QueryWriteTarget CreateTableTarget(string table, Action<QueryServiceCreateTableBuilder>? configure)
    {
        var options = new QueryServiceCreateTableBuilder();
        configure?.Invoke(options);
        return new QueryWriteTarget(CreateTable: true, TableNames.Validate(table, nameof(table), newTable: true))
        {
            XdmSchema = options.XdmSchema, Label = options.DatasetLabel, RowValidation = options.RowValidationEnabled,
        };
    }

    // A terminating operator, like ExecuteDelete: EF translates, caches and runs it as a non-query (execution strategy,
    // interceptors, logging) and hands back the row count the server reported.
    private static Task<int> WriteAsync<T>(IQueryable<T> query, QueryWriteTarget target, CancellationToken cancellationToken)
        => QueryWriteOperators.ExecuteAsync(query, target, cancellationToken);
}
