using QueryServiceOrm.Credentials;

namespace QueryServiceOrm;

/// <summary>
/// Opening a session took longer than the connect timeout, which bounds the TCP connection, the TLS handshake and the
/// login together. The message names the step that did not finish and what to check; the inner exception is Npgsql's
/// (or the cancellation that ended the wait).
/// </summary>
public sealed class QueryServiceConnectTimeoutException : QueryServiceException
{
    internal QueryServiceConnectTimeoutException(string endpoint, QueryServiceConnectStep step, TimeSpan timeout, Exception innerException)
        : base(Describe(endpoint, step, timeout), innerException)
    {
        Step = step;
        Timeout = timeout;
    }

    /// <summary>The step that did not finish.</summary>
    public QueryServiceConnectStep Step { get; }

    /// <summary>The connect timeout that ran out.</summary>
    public TimeSpan Timeout { get; }

    private static string Describe(string endpoint, QueryServiceConnectStep step, TimeSpan timeout)
        => $"Connecting to {endpoint} timed out after {timeout.TotalSeconds:0.###} s {What(step)} "
           + "To wait longer, raise the connect timeout: "
           + $"{QueryServiceCredentialKeys.ConfigurationKey(QueryServiceCredentialKeys.ConnectTimeout)} "
           + $"(seconds; {QueryServiceCredentialKeys.EnvironmentVariable(QueryServiceCredentialKeys.ConnectTimeout)} in the environment, "
           + $"{QueryServiceCredentialKeys.ConnectTimeout} in a qsorm profile) or ConnectTimeout(...) in UseQueryService's options.";

    private static string What(QueryServiceConnectStep step)
        => step switch
        {
            QueryServiceConnectStep.TcpConnect =>
                "at the TCP connection: nothing accepted it. Check the host and the port (Query Service listens on 80 and 5432) "
                + "and that no firewall drops the traffic.",
            QueryServiceConnectStep.TlsRequest =>
                "at the TLS request: the server accepted the TCP connection but never answered the request to start TLS. "
                + "Check that the host and port are Query Service's (or the sandbox's) and that no proxy in between holds the connection.",
            QueryServiceConnectStep.TlsHandshake =>
                "in the TLS handshake: the server agreed to TLS but did not complete the handshake. "
                + "Check that no proxy or firewall in between intercepts TLS, and that the port is Query Service's.",
            _ =>
                "during authentication: TLS was established but the server did not answer the login. "
                + "The service may be overloaded, or the port may belong to another server; try again later.",
        };
}
