namespace QueryServiceOrm.Sandbox;

/// <summary>
/// Where the PostgreSQL behind a sandbox's front runs; the front, TLS, authentication, data and rules are the same on both.
/// </summary>
public enum SandboxBackendKind
{
    /// <summary>From this machine's PostgreSQL server programs (initdb, pg_ctl): no Docker needed.</summary>
    Local,

    /// <summary>
    /// In a container started through Testcontainers.PostgreSql on the Docker engine it finds (DOCKER_HOST, or the default socket).
    /// </summary>
    Container,
}
