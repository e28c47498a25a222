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
