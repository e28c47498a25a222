namespace QueryServiceOrm.Rest;

/// <summary>A batch query ended without success; <see cref="Errors"/> holds what the service said.</summary>
public class QueryServiceJobException : QueryServiceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="query">The query as last read.</param>
    public QueryServiceJobException(string message, QueryServiceQuery query)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(query);
        Query = query;
    }

    /// <summary>The query's id.</summary>
    public string JobId => Query.Id;

    /// <summary>The state it ended in.</summary>
    public QueryServiceJobState State => Query.State;

    /// <summary>The service's errors.</summary>
    public IReadOnlyList<QueryServiceQueryError> Errors => Query.Errors;

    /// <summary>The query as last read.</summary>
    public QueryServiceQuery Query { get; }
}

/// <summary>The query failed: the service's error text is in the message and in <see cref="QueryServiceJobException.Errors"/>.</summary>
/// <param name="query">The query as last read.</param>
public sealed class QueryServiceJobFailedException(QueryServiceQuery query) : QueryServiceJobException(
    $"Query {query?.Id} failed: {(query?.Errors.Count > 0 ? string.Join("; ", query.Errors) : "the service gave no reason")}. "
    + "Fix the SQL (the same text fails the same way on the wire), then submit it again.",
    query!);

/// <summary>The query was cancelled (or killed by the service) before it ended; it wrote nothing.</summary>
/// <param name="query">The query as last read.</param>
public sealed class QueryServiceJobCancelledException(QueryServiceQuery query) : QueryServiceJobException(
    $"Query {query?.Id} was cancelled ({query?.State}) before it ended; its dataset was not written. Submit it again to run it.",
    query!);
