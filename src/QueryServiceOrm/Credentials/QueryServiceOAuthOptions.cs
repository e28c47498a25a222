namespace QueryServiceOrm.Credentials;

/// <summary>
/// OAuth server-to-server settings for fetching Query Service access tokens from Adobe IMS.
/// </summary>
public sealed record QueryServiceOAuthOptions
{
    /// <summary>Adobe IMS v3 token endpoint.</summary>
    public static readonly Uri DefaultTokenEndpoint = new("https://ims-na1.adobelogin.com/ims/token/v3");

    /// <summary>The scopes Adobe's notebook guide asks for.</summary>
    public const string DefaultScopes = "openid,AdobeID,read_organizations,additional_info.projectedProductContext,session";

    private string _clientSecret = "";

    /// <summary>The client id of the OAuth server-to-server credential.</summary>
    public string ClientId { get; init; } = "";

    /// <summary>The client secret; trimmed of surrounding white space, never printed.</summary>
    public string ClientSecret
    {
        get => _clientSecret;
        init => _clientSecret = value?.Trim() ?? "";
    }

    /// <summary>Scopes, comma separated.</summary>
    public string Scopes { get; init; } = DefaultScopes;

    /// <summary>The IMS organisation id; the database user is this id ending in <c>@AdobeOrg</c>.</summary>
    public string OrganizationId { get; init; } = "";

    /// <summary>Where tokens are requested. Must be https, except on a loopback address for testing.</summary>
    public Uri TokenEndpoint { get; init; } = DefaultTokenEndpoint;

    /// <summary>
    /// How often the background refresh looks at the token. A fresh token is fetched only when the
    /// current one is within <see cref="RefreshBeforeExpiry"/> of expiring.
    /// </summary>
    public TimeSpan RefreshCheckInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long before expiry a token is replaced. Capped at half of the token's lifetime, so short-lived
    /// tokens are still replaced well before they expire.
    /// </summary>
    public TimeSpan RefreshBeforeExpiry { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How soon a failed refresh is tried again.</summary>
    public TimeSpan RetryAfterFailure { get; init; } = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public override string ToString()
        => $"ClientId={ClientId}, ClientSecret={Redaction.Mask(ClientSecret)}, Scopes={Scopes}, " +
           $"OrganizationId={OrganizationId}, TokenEndpoint={TokenEndpoint}";

    internal void Validate()
    {
        Require(ClientId, QueryServiceCredentialKeys.ClientId);
        Require(ClientSecret, QueryServiceCredentialKeys.ClientSecret);
        Require(OrganizationId, QueryServiceCredentialKeys.OrganizationId);

        if (!TokenEndpoint.IsAbsoluteUri
            || !(TokenEndpoint.Scheme == Uri.UriSchemeHttps || (TokenEndpoint.Scheme == Uri.UriSchemeHttp && TokenEndpoint.IsLoopback)))
        {
            throw new QueryServiceConfigurationException(
                QueryServiceCredentialKeys.TokenEndpoint,
                "must be an absolute https URL (plain http is accepted only on a loopback address, for tests): " +
                "the client secret must never cross the network unencrypted.");
        }

        if (RefreshCheckInterval <= TimeSpan.Zero || RetryAfterFailure <= TimeSpan.Zero || RefreshBeforeExpiry <= TimeSpan.Zero)
        {
            throw new QueryServiceConfigurationException(
                nameof(RefreshCheckInterval), "and the other refresh intervals must be positive.");
        }

        // The check must come round at least once inside the renewal window, or a connection could get an expired token.
        if (RefreshCheckInterval >= RefreshBeforeExpiry)
        {
            throw new QueryServiceConfigurationException(
                nameof(RefreshCheckInterval),
                $"({RefreshCheckInterval}) must be shorter than RefreshBeforeExpiry ({RefreshBeforeExpiry}).");
        }
    }

    private static void Require(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new QueryServiceConfigurationException(field, "is missing; it is required for OAuth server-to-server credentials.");
        }
    }
}
