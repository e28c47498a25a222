namespace QueryServiceOrm.Sandbox;

/// <summary>Starts and stops the PostgreSQL behind a sandbox's front, for one instance folder.</summary>
internal interface ISandboxBackend
{
    SandboxBackendKind Kind { get; }

    /// <summary>
    /// Initialises and starts the server with the sandbox's certificates (server.crt and server.key in the instance's data folder,
    /// root.crt beside it), its superuser's password and its settings; returns the loopback port it takes TLS connections on.
    /// </summary>
    Task<int> StartAsync(string instance, string adminPassword, CancellationToken cancellationToken);

    /// <summary>Stops the server, if it runs; the instance folder is the caller's to delete.</summary>
    Task StopAsync(string instance);
}
