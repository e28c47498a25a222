namespace QueryServiceOrm;

/// <summary>
/// A query asked for more rows than the service returns, or returned exactly the service's cap without
/// asking for a limit (so rows may be missing).
/// </summary>
public sealed class QueryServiceRowLimitException : QueryServiceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what to do.</param>
    public QueryServiceRowLimitException(string message)
        : base(message)
    {
    }
}
