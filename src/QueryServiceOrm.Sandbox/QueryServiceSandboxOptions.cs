namespace QueryServiceOrm.Sandbox;

/// <summary>How to set up a <see cref="QueryServiceSandbox"/>.</summary>
public sealed record QueryServiceSandboxOptions
{
    /// <summary>The IMS organisation id; the user is this id followed by <c>@AdobeOrg</c>. Random when null.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The user's first token (the password the front accepts); a fresh 1,200-character token-like string when null.</summary>
    public string? Password { get; init; }

    /// <summary>The database, named like the service's (<c>sandbox:target</c>).</summary>
    public string Database { get; init; } = "prod:all";

    /// <summary>How many sessions the front allows at once, like the service's limit (5); the next gets "Session Limit Reached".</summary>
    public int SessionLimit { get; init; } = 5;

    /// <summary>How long one statement may run before the front stops it with 53400, like the service's 10 minutes.</summary>
    public TimeSpan StatementTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The REST API's artificial latency: a submitted query stays SUBMITTED this long, then IN_PROGRESS at least this long,
    /// so that polling and progress can be observed. None by default.
    /// </summary>
    public TimeSpan JobLatency { get; init; } = TimeSpan.Zero;

    /// <summary>How long a token the sandbox's token endpoint mints lives (IMS's 24 hours by default).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Where the backend PostgreSQL runs: this machine's server programs (the default) or a container.</summary>
    public SandboxBackendKind Backend { get; init; } = SandboxBackendKind.Local;

    /// <summary>
    /// The image the <see cref="SandboxBackendKind.Container"/> backend runs: the official <c>postgres:15</c> by default, or any image with
    /// its contract (POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB, POSTGRES_INITDB_ARGS, port 5432, pg_isready, user 999). Pulled only
    /// when missing.
    /// </summary>
    public string ContainerImage { get; init; } = DefaultContainerImage;

    /// <summary>The official PostgreSQL 15 image.</summary>
    public const string DefaultContainerImage = "postgres:15";
}
