namespace QueryServiceOrm.Credentials;

/// <summary>An access token could not be obtained from the OAuth token endpoint.</summary>
public sealed class QueryServiceTokenException : QueryServiceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and what to check.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public QueryServiceTokenException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
