namespace QueryServiceOrm.Sandbox;

/// <summary>How to set up a <see cref="QueryServiceSandbox"/>.</summary>
public sealed record QueryServiceSandboxOptions
{
    /// <summary>The IMS organisation id; the user is this id followed by <c>@AdobeOrg</c>. Random when null.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The user's first password; a fresh 1,200-character token-like string when null.</summary>
    public string? Password { get; init; }

    /// <summary>The database, named like the service's (<c>sandbox:target</c>).</summary>
    public string Database { get; init; } = "prod:all";

    /// <summary>
    /// Whether the server is stopped when the owning process ends without disposing the sandbox. True for
    /// tests; the CLI turns it off to keep a sandbox running between commands.
    /// </summary>
    public bool StopWithOwner { get; init; } = true;
}
