using Npgsql;

namespace QueryServiceOrm;

/// <summary>
/// The server refused or failed a statement. The message says what happened and what to do; <see cref="SqlState"/>
/// and <see cref="ServerMessage"/> keep what the server said, and the inner exception is Npgsql's.
/// </summary>
public class QueryServiceServerException : QueryServiceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="advice">What happened and what to do.</param>
    /// <param name="error">The server's error.</param>
    public QueryServiceServerException(string advice, PostgresException error)
        : base($"{advice} (SQLSTATE {error?.SqlState}: {error?.MessageText})", error)
    {
        ArgumentNullException.ThrowIfNull(error);
        SqlState = error.SqlState;
        ServerMessage = error.MessageText;
    }

    /// <summary>The SQLSTATE the server sent, e.g. <c>42P01</c>.</summary>
    public string SqlState { get; }

    /// <summary>The server's own message text.</summary>
    public string ServerMessage { get; }
}
