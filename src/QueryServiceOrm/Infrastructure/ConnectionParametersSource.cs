using System.Net;
using System.Runtime.CompilerServices;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Rest;

namespace QueryServiceOrm.Infrastructure;

/// <summary>
/// The wire's host, port, database and user for credentials that name a sandbox but no host, read from the REST API's
/// <c>/connection_parameters</c> with the token provider the wire uses. They are fetched when a connection first needs
/// them and kept while that token lives: once the provider has renewed its token, the next open fetches them again.
/// </summary>
internal sealed class ConnectionParametersSource
{
    // One per credentials instance, so every context built from the same credentials shares the parameters.
    private static readonly ConditionalWeakTable<QueryServiceCredentials, ConnectionParametersSource> Sources = new();

    private readonly QueryServiceAccessTokenProvider _tokens;
    private readonly QueryServiceRestClient _client;
    private readonly TimeSpan _fetchTimeout;
    private readonly SemaphoreSlim _fetchLock = new(1, 1);
    private volatile Fetched? _current;

    private ConnectionParametersSource(QueryServiceCredentials credentials)
    {
        _tokens = credentials.AccessTokenProvider!;
        var options = QueryServiceRestOptions.For(credentials);
        options.Validate();

        // The source lives as long as its credentials, so does its client: there is no point at which to dispose it.
        var handler = new QueryServiceRestAuthenticationHandler(_tokens, options)
        {
            InnerHandler = QueryServiceRestHandlers.Create(options.RootCertificate, options.AttemptTimeout),
        };
        _client = new QueryServiceRestClient(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, options);

        // A token request to IMS may come first, bounded by the same attempt timeout.
        _fetchTimeout = options.AttemptTimeout * 2;
    }

    /// <summary>The source of <paramref name="credentials"/>, which must read the connection parameters.</summary>
    public static ConnectionParametersSource For(QueryServiceCredentials credentials)
        => Sources.GetValue(credentials, c => new ConnectionParametersSource(c));

    /// <summary>
    /// The parameters, fetched first if there are none or the token was renewed since. For synchronous opens: the fetch runs
    /// on the thread pool, so no synchronization context can deadlock it, and it is bounded by its own timeout.
    /// </summary>
    public QueryServiceConnectionParameters Get()
        => Fresh() ?? Task.Run(() => GetAsync(CancellationToken.None).AsTask()).GetAwaiter().GetResult();

    /// <summary>The parameters, fetched first if there are none or the token was renewed since.</summary>
    public async ValueTask<QueryServiceConnectionParameters> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh)
        {
            return fresh;
        }

        await _fetchLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh() is { } fetched)
            {
                return fetched;
            }

            _current = await RenewAsync(_current, cancellationToken).ConfigureAwait(false);
            return _current.Parameters;
        }
        finally
        {
            _fetchLock.Release();
        }
    }

    private QueryServiceConnectionParameters? Fresh()
        => _current is { } current && (current.Generation == _tokens.TokensFetched || DateTimeOffset.UtcNow < current.RetryAt)
            ? current.Parameters
            : null;

    private async Task<Fetched> RenewAsync(Fetched? previous, CancellationToken cancellationToken)
    {
        try
        {
            var parameters = await FetchAsync(cancellationToken).ConfigureAwait(false);

            // Read after the fetch: the request itself may have renewed the token, and these parameters go with that one.
            return new Fetched(parameters, _tokens.TokensFetched, DateTimeOffset.MinValue);
        }
        catch (Exception e) when (previous is not null && e is QueryServiceRestException or HttpRequestException or TimeoutException)
        {
            // After a renewal the service's address very likely still holds: keep it rather than fail every open while the
            // API is down, and ask again after the token provider's own pause after a failure.
            return previous with { RetryAt = DateTimeOffset.UtcNow + _tokens.Options.RetryAfterFailure };
        }
    }

    private async Task<QueryServiceConnectionParameters> FetchAsync(CancellationToken cancellationToken)
    {
        var where = $"GET {_client.Options.BaseAddress}connection_parameters";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_fetchTimeout);
        try
        {
            return Checked(await _client.GetConnectionParametersAsync(timeout.Token).ConfigureAwait(false), where);
        }
        catch (QueryServiceRestException e)
        {
            throw new QueryServiceRestException(
                $"The wire's host, database and user come from the REST API (SandboxName is set, Host is not): {e.Message}",
                e.StatusCode, e.ServerMessage);
        }
        catch (HttpRequestException e)
        {
            throw new HttpRequestException(
                $"{where} could not be reached ({e.Message}). Check ApiBaseAddress (and ApiRootCertificate for a local sandbox), "
                + "or configure Host, Database and Username instead of SandboxName.", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"{where} did not answer within {_fetchTimeout.TotalSeconds:0} s. Check ApiBaseAddress and the network path to it, "
                + "or configure Host, Database and Username instead of SandboxName.", e);
        }
    }

    // The credentials' own checks, so an answer the wire cannot use is refused here, naming the field, not at the first open.
    private QueryServiceConnectionParameters Checked(QueryServiceConnectionParameters parameters, string where)
    {
        try
        {
            _ = new QueryServiceCredentials
            {
                Host = parameters.Host ?? "",
                Port = parameters.Port,
                Database = parameters.DbName ?? "",
                Username = parameters.Username ?? "",
                AccessTokenProvider = _tokens,
            }.Validate();
            return parameters;
        }
        catch (QueryServiceConfigurationException e)
        {
            throw new QueryServiceRestException(
                $"{where} answered with parameters the wire cannot use ({e.Message}). "
                + "Check ApiBaseAddress: it must be the Query Service API.",
                HttpStatusCode.OK, null);
        }
    }

    private sealed record Fetched(QueryServiceConnectionParameters Parameters, int Generation, DateTimeOffset RetryAt);
}
