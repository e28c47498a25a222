using System.Net.Http.Headers;
using System.Text.Json;

namespace QueryServiceOrm.Credentials;

/// <summary>
/// Fetches Query Service access tokens from Adobe IMS with the OAuth client-credentials grant and keeps
/// the current one. IMS issues no refresh token, so a new token is requested shortly before the current
/// one expires. The connection layer polls <see cref="GetAccessTokenAsync"/> from a background timer, so
/// no query waits for IMS and no connection is opened with an expired token.
/// </summary>
public sealed class QueryServiceAccessTokenProvider : IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _fetchLock = new(1, 1);
    private volatile AccessToken? _current;
    private int _tokensFetched;

    /// <summary>Creates a provider for the given OAuth settings.</summary>
    /// <param name="options">Client id, secret, scopes, organisation and token endpoint.</param>
    /// <param name="httpClient">The client to call IMS with; one is created (and owned) when omitted.</param>
    /// <param name="timeProvider">The clock; the system clock when omitted.</param>
    /// <exception cref="QueryServiceConfigurationException">A setting is missing or unsafe.</exception>
    public QueryServiceAccessTokenProvider(
        QueryServiceOAuthOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null)
        : this(options, httpClient, ownsHttpClient: httpClient is null, timeProvider)
    {
    }

    internal QueryServiceAccessTokenProvider(
        QueryServiceOAuthOptions options, HttpClient? httpClient, bool ownsHttpClient, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _ownsHttpClient = ownsHttpClient;
        _httpClient = httpClient ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The OAuth settings.</summary>
    public QueryServiceOAuthOptions Options { get; }

    /// <summary>How many tokens have been fetched from the endpoint so far.</summary>
    public int TokensFetched => Volatile.Read(ref _tokensFetched);

    /// <summary>When the current token expires, or null before the first fetch.</summary>
    public DateTimeOffset? CurrentTokenExpiresAt => _current?.ExpiresAt;

    /// <summary>
    /// Returns a token that is not about to expire: the current one while it is fresh, otherwise a new one
    /// fetched from the endpoint.
    /// </summary>
    /// <param name="cancellationToken">Cancels the request to the endpoint.</param>
    /// <exception cref="QueryServiceTokenException">The endpoint refused or could not be reached.</exception>
    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } fresh && !NeedsRenewal(fresh))
        {
            return fresh.Value;
        }

        await _fetchLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { } current && !NeedsRenewal(current))
            {
                return current.Value;
            }

            _current = await FetchAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _tokensFetched);
            return _current.Value;
        }
        finally
        {
            _fetchLock.Release();
        }
    }

    /// <summary>A client for a token endpoint whose HTTPS chains to <paramref name="rootCertificate"/> (a local sandbox's).</summary>
    internal static HttpClient TrustingClient(string rootCertificate)
        => new(Rest.QueryServiceRestHandlers.Create(rootCertificate, TimeSpan.FromSeconds(30))) { Timeout = TimeSpan.FromSeconds(30) };

    /// <inheritdoc />
    public override string ToString() => $"{nameof(QueryServiceAccessTokenProvider)}({Options})";

    /// <summary>
    /// Forgets the current token after the server refused it, so the next background refresh fetches a new one.
    /// Returns true, for use in retry decisions.
    /// </summary>
    internal bool Invalidate()
    {
        _current = null;
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }

        _fetchLock.Dispose();
    }

    private bool NeedsRenewal(AccessToken token)
    {
        var margin = TimeSpan.FromTicks(Math.Min(Options.RefreshBeforeExpiry.Ticks, token.Lifetime.Ticks / 2));
        return _timeProvider.GetUtcNow() >= token.ExpiresAt - margin;
    }

    private async Task<AccessToken> FetchAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Options.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"),
                new("client_id", Options.ClientId),
                new("client_secret", Options.ClientSecret),
                new("scope", Options.Scopes),
            ]),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var requestedAt = _timeProvider.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new QueryServiceTokenException(
                $"The token endpoint {Options.TokenEndpoint} could not be reached ({e.Message}). " +
                "Check the network path to Adobe IMS and the TokenEndpoint setting.", e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                // Only IMS's error code and description are quoted: a raw body could echo request fields.
                var (error, description) = ReadError(body);
                throw new QueryServiceTokenException(
                    $"The token endpoint {Options.TokenEndpoint} refused the request with HTTP {(int)response.StatusCode}" +
                    (error is null ? "" : $" ({error}{(description is null ? "" : ": " + description)})") +
                    ". Check ClientId, ClientSecret and Scopes of the OAuth server-to-server credential.");
            }

            return ReadToken(body, requestedAt);
        }
    }

    private AccessToken ReadToken(string body, DateTimeOffset requestedAt)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var token = root.TryGetProperty("access_token", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()?.Trim()
                : null;
            if (string.IsNullOrEmpty(token))
            {
                throw new QueryServiceTokenException(
                    $"The token endpoint {Options.TokenEndpoint} answered without an access_token. "
                    + "Check that it is an Adobe IMS v3 token endpoint.");
            }

            var lifetime = TimeSpan.FromSeconds(ReadSeconds(root));
            return new AccessToken(token, requestedAt + lifetime, lifetime);
        }
        catch (JsonException e)
        {
            throw new QueryServiceTokenException(
                $"The token endpoint {Options.TokenEndpoint} answered with something other than JSON. Check the TokenEndpoint setting.", e);
        }
    }

    private double ReadSeconds(JsonElement root)
    {
        if (root.TryGetProperty("expires_in", out var e))
        {
            if (e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var n) && n > 0)
            {
                return n;
            }

            if (e.ValueKind == JsonValueKind.String
                && double.TryParse(e.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var s)
                && s > 0)
            {
                return s;
            }
        }

        throw new QueryServiceTokenException(
            $"The token endpoint {Options.TokenEndpoint} answered without a positive expires_in, so the token cannot be renewed in time.");
    }

    private static (string? Error, string? Description) ReadError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object
                ? (null, null)
                : (StringProperty(root, "error"), StringProperty(root, "error_description"));
        }
        catch (JsonException)
        {
            return (null, null);
        }

        static string? StringProperty(JsonElement root, string name)
            => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
    }

    private sealed record AccessToken(string Value, DateTimeOffset ExpiresAt, TimeSpan Lifetime)
    {
        public override string ToString() => $"AccessToken(expires {ExpiresAt:O})";
    }
}
