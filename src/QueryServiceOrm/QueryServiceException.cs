namespace QueryServiceOrm;

/// <summary>
/// The base of every exception this library raises for a Query Service specific condition, so that
/// callers can catch them in one place. Messages say what happened and what to do; they never
/// contain a password, token or client secret.
/// </summary>
public class QueryServiceException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What happened and what to do about it.</param>
    public QueryServiceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the failure that caused it.</summary>
    /// <param name="message">What happened and what to do about it.</param>
    /// <param name="innerException">The underlying failure.</param>
    public QueryServiceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
