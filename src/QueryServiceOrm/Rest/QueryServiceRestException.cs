using System.Net;

namespace QueryServiceOrm.Rest;

/// <summary>The Query Service REST API refused a request or failed it after the retries allowed.</summary>
public sealed class QueryServiceRestException : QueryServiceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="serverMessage">The API's own text, if it sent one.</param>
    public QueryServiceRestException(string message, HttpStatusCode statusCode, string? serverMessage)
        : base(message)
    {
        StatusCode = statusCode;
        ServerMessage = serverMessage;
    }

    /// <summary>The HTTP status the API answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The API's own text, if any.</summary>
    public string? ServerMessage { get; }
}
