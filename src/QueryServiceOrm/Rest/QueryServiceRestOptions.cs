using QueryServiceOrm.Credentials;

namespace QueryServiceOrm.Rest;

/// <summary>
/// Where the Query Service REST API is and who calls it: the headers every call carries (<c>x-api-key</c>,
/// <c>x-gw-ims-org-id</c>, <c>x-sandbox-name</c>), the database jobs run in, and how patiently jobs are polled.
/// </summary>
public sealed record QueryServiceRestOptions
{
    /// <summary>Adobe's API gateway, with the Query Service base path.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://platform.adobe.io/data/foundation/query/");

    /// <summary>The API's base address, ending in <c>/data/foundation/query/</c>.</summary>
    public Uri BaseAddress { get; init; } = DefaultBaseAddress;

    /// <summary>The API key: the OAuth credential's client id.</summary>
    public string ApiKey { get; init; } = "";

    /// <summary>The IMS organisation id (without <c>@AdobeOrg</c>; it is added).</summary>
    public string OrganizationId { get; init; } = "";

    /// <summary>The sandbox, e.g. <c>prod</c>.</summary>
    public string SandboxName { get; init; } = "";

    /// <summary>The database jobs run in when a request names none, e.g. <c>prod:all</c>.</summary>
    public string Database { get; init; } = QueryServiceCredentials.DefaultDatabase;

    /// <summary>A PEM root certificate to trust for the API's HTTPS (a local sandbox's); the system's roots when null.</summary>
    public string? RootCertificate { get; init; }

    /// <summary>The first wait between two polls of a job; it doubles up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two polls.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a job is waited for at most: the service's 24 hours for a batch query, and a margin.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromHours(25);

    /// <summary>How long one attempt of a request may take.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first wait before a retry (when the API sends no Retry-After); it grows exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait the backoff computes before a retry. A <c>Retry-After</c> the API sends is waited as it is, within
    /// the bound of the whole call: every attempt's <see cref="AttemptTimeout"/> and this wait before each retry.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How many times a transient failure is retried.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>
    /// The options for the credentials a context uses: the organisation and client id of their OAuth settings, the sandbox
    /// of their <see cref="QueryServiceCredentials.SandboxName"/> (else of their database name) and their database. Only
    /// OAuth credentials can call the API: it needs the client id as its key.
    /// </summary>
    /// <param name="credentials">The context's credentials, with an access token provider.</param>
    /// <exception cref="QueryServiceConfigurationException">The credentials have no OAuth settings.</exception>
    public static QueryServiceRestOptions For(QueryServiceCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var oauth = credentials.AccessTokenProvider?.Options
            ?? throw new QueryServiceConfigurationException(
                QueryServiceCredentialKeys.ClientId,
                "is needed for the REST API, which takes the OAuth client id as its API key and a token from IMS: "
                + "configure ClientId, ClientSecret and OrganizationId.");
        return new QueryServiceRestOptions
        {
            BaseAddress = credentials.ApiBaseAddress is { } address && !address.AbsolutePath.EndsWith('/')
                ? new Uri(address + "/")
                : credentials.ApiBaseAddress ?? DefaultBaseAddress,
            RootCertificate = credentials.ApiRootCertificate,
            ApiKey = oauth.ClientId,
            OrganizationId = oauth.OrganizationId,
            SandboxName = credentials.SandboxName ?? credentials.Database.Split(':')[0],
            Database = credentials.Database,
        };
    }

    /// <summary>Never prints a secret (it holds none).</summary>
    public override string ToString()
        => $"BaseAddress={BaseAddress}, ApiKey={ApiKey}, OrganizationId={OrganizationId}, SandboxName={SandboxName}, Database={Database}";

    internal void Validate()
    {
        Require(ApiKey, nameof(ApiKey));
        Require(OrganizationId, nameof(OrganizationId));
        Require(SandboxName, nameof(SandboxName));
        if (!BaseAddress.IsAbsoluteUri || BaseAddress.Scheme != Uri.UriSchemeHttps)
        {
            throw new QueryServiceConfigurationException(
                nameof(BaseAddress), "must be an absolute https URL: every call carries the access token.");
        }

        if (!BaseAddress.AbsolutePath.EndsWith('/'))
        {
            throw new QueryServiceConfigurationException(
                nameof(BaseAddress),
                $"is {BaseAddress}; end it with '/' (.../data/foundation/query/), so that the endpoints' paths are added to it, "
                + "not put in place of its last segment.");
        }

        if (PollInterval <= TimeSpan.Zero || MaxPollInterval < PollInterval || MaxWait <= TimeSpan.Zero || AttemptTimeout <= TimeSpan.Zero
            || RetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryDelay || MaxRetries < 0)
        {
            throw new QueryServiceConfigurationException(
                nameof(PollInterval),
                "and the other intervals must be positive, MaxPollInterval at least PollInterval, MaxRetryDelay at least RetryDelay.");
        }
    }

    private static void Require(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new QueryServiceConfigurationException(field, "is missing; every REST API call carries it.");
        }
    }
}
