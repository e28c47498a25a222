namespace QueryServiceOrm.Sandbox;

/// <summary>What reaches a running sandbox from another process: where it lives, its port, its user and passwords.</summary>
/// <param name="InstanceDirectory">The instance directory (data, certificates, log).</param>
/// <param name="Port">The TCP port on 127.0.0.1.</param>
/// <param name="OrganizationId">The organisation id of the Query Service user.</param>
/// <param name="Password">The user's password.</param>
/// <param name="Database">The database.</param>
/// <param name="AdminPassword">The superuser's password, for seeding.</param>
public sealed record QueryServiceSandboxState(string InstanceDirectory, int Port, string OrganizationId, string Password, string Database, string AdminPassword)
{
    /// <summary>Never prints the passwords.</summary>
    public override string ToString() => $"QueryServiceSandboxState {{ InstanceDirectory = {InstanceDirectory}, Port = {Port}, Database = {Database} }}";
}
