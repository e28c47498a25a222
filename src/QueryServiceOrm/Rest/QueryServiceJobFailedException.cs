namespace QueryServiceOrm.Rest;

/// <summary>The query failed: the service's error text is in the message and in <see cref="QueryServiceJobException.Errors"/>.</summary>
/// <param name="query">The query as last read.</param>
public sealed class QueryServiceJobFailedException(QueryServiceQuery query) : QueryServiceJobException(
    $"Query {query?.Id} failed: {(query?.Errors.Count > 0 ? string.Join("; ", query.Errors).TrimEnd('.') : "the service gave no reason")}. "
    + "Fix the SQL (the same text fails the same way on the wire), then submit it again.",
    query!);
