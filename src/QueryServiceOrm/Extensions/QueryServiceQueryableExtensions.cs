using QueryServiceOrm.Query;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Query Service operators for LINQ queries.</summary>
public static class QueryServiceQueryableExtensions
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
}
