using System.Text.RegularExpressions;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Query;
using QueryServiceOrm.Storage;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Query Service operators for LINQ queries.</summary>
public static partial class QueryServiceQueryableExtensions
{
    /// <summary>
    /// Asks for every row. Without it (and without Take) the service returns at most its row cap (50,000); with it the
    /// query ends with <c>LIMIT 0</c> on the service, which removes the cap, and with nothing on PostgreSQL.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The query.</param>
    /// <returns>The same query, uncapped.</returns>
    public static IQueryable<T> WithoutRowLimit<T>(this IQueryable<T> source)
        => source.TagWith(QueryServiceQueryTags.WithoutRowLimit);

    /// <summary>Reads the table as it was at a snapshot: <c>FROM t SNAPSHOT AS OF id</c>.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="source">The table.</param>
    /// <param name="snapshotId">A snapshot id (see <c>history_meta('table')</c>), or HEAD or TAIL.</param>
    /// <returns>A query over the snapshot.</returns>
    /// <exception cref="NotSupportedException">The context uses the PostgreSQL dialect, which keeps no snapshots.</exception>
    public static IQueryable<T> AsOfSnapshot<T>(this DbSet<T> source, string snapshotId)
        where T : class
        => Snapshot(source, $"AS OF {SnapshotId(snapshotId, nameof(snapshotId))}");

    /// <summary>Reads only what was added since a snapshot: <c>FROM t SNAPSHOT SINCE id</c>.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="source">The table.</param>
    /// <param name="snapshotId">A snapshot id, or HEAD or TAIL.</param>
    /// <returns>A query over the rows added since the snapshot.</returns>
    /// <exception cref="NotSupportedException">The context uses the PostgreSQL dialect, which keeps no snapshots.</exception>
    public static IQueryable<T> SnapshotSince<T>(this DbSet<T> source, string snapshotId)
        where T : class
        => Snapshot(source, $"SINCE {SnapshotId(snapshotId, nameof(snapshotId))}");

    /// <summary>Reads what was added between two snapshots: <c>FROM t SNAPSHOT BETWEEN from AND to</c>.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="source">The table.</param>
    /// <param name="fromSnapshotId">The first snapshot id, or HEAD or TAIL.</param>
    /// <param name="toSnapshotId">The last snapshot id, or HEAD or TAIL.</param>
    /// <returns>A query over the rows added between the snapshots.</returns>
    /// <exception cref="NotSupportedException">The context uses the PostgreSQL dialect, which keeps no snapshots.</exception>
    public static IQueryable<T> SnapshotBetween<T>(this DbSet<T> source, string fromSnapshotId, string toSnapshotId)
        where T : class
        => Snapshot(
            source,
            $"BETWEEN {SnapshotId(fromSnapshotId, nameof(fromSnapshotId))} AND {SnapshotId(toSnapshotId, nameof(toSnapshotId))}");

    private static IQueryable<T> Snapshot<T>(DbSet<T> source, string clause)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(source);
        var context = source.GetService<ICurrentDbContext>().Context;
        _ = context.GetService<IDbContextOptions>().FindExtension<QueryServiceOptionsExtension>()
            ?? throw new InvalidOperationException("Snapshots need a context configured with UseQueryService(...).");
        var entityType = source.EntityType;
        if (entityType.GetTableName() is null)
        {
            throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table, so it has no snapshots.");
        }

        var provider = (IAsyncQueryProvider)((IQueryable)source).Provider;
        return provider.CreateQuery<T>(new SnapshotQueryRootExpression(provider, entityType, clause));
    }

    private static string SnapshotId(string id, string parameter)
        => id is not null && SnapshotIdPattern().IsMatch(id)
            ? id.ToUpperInvariant()
            : throw new ArgumentException($"'{id}' is not a snapshot id: use the digits history_meta() shows, HEAD or TAIL.", parameter);

    [GeneratedRegex("^([0-9]{1,30}|HEAD|TAIL)$", RegexOptions.IgnoreCase)]
    private static partial Regex SnapshotIdPattern();
}
