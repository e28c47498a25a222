namespace QueryServiceOrm.Rest;

/// <summary>The query was cancelled (or killed by the service) before it ended; it wrote nothing.</summary>
/// <param name="query">The query as last read.</param>
public sealed class QueryServiceJobCancelledException(QueryServiceQuery query) : QueryServiceJobException(
    $"Query {query?.Id} was cancelled ({query?.State}) before it ended; its dataset was not written. Submit it again to run it.",
    query!);
