namespace QueryServiceOrm;

/// <summary>The step of opening a session that did not finish within the connect timeout.</summary>
public enum QueryServiceConnectStep
{
    /// <summary>The TCP connection (with the host name's lookup): nothing accepted it.</summary>
    TcpConnect,

    /// <summary>The server accepted the TCP connection but never answered the request to start TLS.</summary>
    TlsRequest,

    /// <summary>The server agreed to TLS but did not complete the handshake.</summary>
    TlsHandshake,

    /// <summary>TLS was established, but the server did not complete the login (user name and password or token).</summary>
    Authentication,
}
