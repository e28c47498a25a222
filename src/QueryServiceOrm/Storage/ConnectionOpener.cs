using System.Net.Sockets;
using Npgsql;

namespace QueryServiceOrm.Storage;

/// <summary>
/// Opens a session within its connect timeout (the connection string's <c>Timeout</c>), the TLS handshake included, and
/// turns a timeout into <see cref="QueryServiceConnectTimeoutException"/> naming the step that did not finish.
/// </summary>
internal static class ConnectionOpener
{
    // Npgsql tells these steps apart only in the text of its exceptions (NpgsqlConnector.Connect/ConnectAsync, and
    // PoolingDataSource for a pool with no free session); the tests pin them, with real sockets, for this Npgsql.
    private const string TcpConnectFailed = "Failed to connect to ";
    private const string PoolExhausted = "The connection pool has been exhausted";

    public static async Task OpenAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        using var attempt = ConnectAttempt.Start(TimeSpan.FromSeconds(connection.ConnectionTimeout), cancellationToken);
        try
        {
            await connection.OpenAsync(attempt.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (StepOf(e, attempt) is { } step)
        {
            throw new QueryServiceConnectTimeoutException(Endpoint(connection), step, attempt.Timeout, e);
        }
    }

    // Npgsql's synchronous handshake reads with the socket's receive timeout, so its own timeout bounds every step here.
    public static void Open(NpgsqlConnection connection)
    {
        using var attempt = ConnectAttempt.Start(TimeSpan.FromSeconds(connection.ConnectionTimeout), CancellationToken.None);
        try
        {
            connection.Open();
        }
        catch (Exception e) when (StepOf(e, attempt) is { } step)
        {
            throw new QueryServiceConnectTimeoutException(Endpoint(connection), step, attempt.Timeout, e);
        }
    }

    private static QueryServiceConnectStep? StepOf(Exception exception, ConnectAttempt attempt)
    {
        if ((!attempt.Expired && !TimedOut(exception)) || exception.Message.StartsWith(PoolExhausted, StringComparison.Ordinal))
        {
            return null;
        }

        // The handshake is the one step that ends without a TimeoutException: what ended it was the attempt's cancellation
        // (asynchronous: bare, or wrapped by Npgsql) or the socket's receive timeout (synchronous).
        return exception switch
        {
            NpgsqlException { InnerException: not null and not TimeoutException } => QueryServiceConnectStep.TlsHandshake,
            OperationCanceledException when attempt.ReachedTls => QueryServiceConnectStep.TlsHandshake,
            _ when attempt.ReachedTls => QueryServiceConnectStep.Authentication,

            // Before TLS only the name lookup and the TCP connection end this way (the wait for the answer to the TLS
            // request observes no token); a bare cancellation is the attempt's backstop beating a late Npgsql timer.
            TimeoutException or OperationCanceledException => QueryServiceConnectStep.TcpConnect,
            _ when exception.Message.StartsWith(TcpConnectFailed, StringComparison.Ordinal) => QueryServiceConnectStep.TcpConnect,
            _ => QueryServiceConnectStep.TlsRequest,
        };
    }

    private static bool TimedOut(Exception exception)
        => QueryServiceErrors.Find<TimeoutException>(exception) is not null
           || QueryServiceErrors.Find<SocketException>(exception) is { SocketErrorCode: SocketError.TimedOut };

    // Read from the settings: the connection forgets its host once an open failed.
    private static string Endpoint(NpgsqlConnection connection)
    {
        var settings = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        return $"{settings.Host}:{settings.Port}";
    }
}
