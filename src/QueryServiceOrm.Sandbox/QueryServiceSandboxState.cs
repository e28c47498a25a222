namespace QueryServiceOrm.Sandbox;

/// <summary>What reaches a running sandbox from another process: where it lives, its ports, its user and the backend's secrets.</summary>
/// <param name="InstanceDirectory">The instance directory (data, certificates, token, journal, log).</param>
/// <param name="Port">The front's TCP port on 127.0.0.1.</param>
/// <param name="BackendPort">The backend's TLS port on 127.0.0.1 (never given to a client of the front).</param>
/// <param name="OrganizationId">The organisation id of the Query Service user.</param>
/// <param name="Database">The database.</param>
/// <param name="AdminPassword">The backend superuser's password, for seeding.</param>
/// <param name="BackendPassword">The secret of the backend role the front runs sessions as.</param>
/// <param name="CatalogPassword">The secret of the backend's read-only catalog role.</param>
/// <param name="HostProcessId">The process that runs the front; the sandbox ends with it.</param>
/// <param name="Backend">Where the backend runs: this machine's server programs or a container.</param>
public sealed record QueryServiceSandboxState(
    string InstanceDirectory,
    int Port,
    int BackendPort,
    string OrganizationId,
    string Database,
    string AdminPassword,
    string BackendPassword,
    string CatalogPassword,
    int HostProcessId,
    SandboxBackendKind Backend = SandboxBackendKind.Local)
{
    /// <summary>The REST API's HTTPS port on 127.0.0.1 (the token endpoint shares it).</summary>
    public int RestPort { get; init; }

    /// <summary>The OAuth client id the token endpoint accepts, which is also the REST API's key (<c>x-api-key</c>).</summary>
    public string ClientId { get; init; } = "";

    /// <summary>The OAuth client secret the token endpoint accepts.</summary>
    public string ClientSecret { get; init; } = "";

    /// <summary>Never prints the passwords.</summary>
    public override string ToString()
        => $"QueryServiceSandboxState {{ InstanceDirectory = {InstanceDirectory}, Port = {Port}, RestPort = {RestPort}, Database = "
            + $"{Database}, HostProcessId = {HostProcessId}, Backend = {Backend} }}";
}
