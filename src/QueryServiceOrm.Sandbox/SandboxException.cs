namespace QueryServiceOrm.Sandbox;

/// <summary>The local stand-in server could not be set up, started or stopped; the message says what to do.</summary>
public sealed class SandboxException : QueryServiceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and what to do.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public SandboxException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
