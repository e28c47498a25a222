using Microsoft.Extensions.DependencyInjection;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Rest;

namespace QueryServiceOrm.Tests.Support;

/// <summary>
/// An application's view of a sandbox over OAuth: one token provider asking the sandbox's IMS-like endpoint, the wire's
/// credentials and the REST client (registered as an application registers it) sharing it, polling briskly.
/// </summary>
internal sealed class SandboxRestClient : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly HttpClient _imsClient;

    private SandboxRestClient(
        ServiceProvider services, HttpClient imsClient, QueryServiceAccessTokenProvider tokens, QueryServiceCredentials credentials)
    {
        _services = services;
        _imsClient = imsClient;
        Tokens = tokens;
        Credentials = credentials;
        Client = services.GetRequiredService<QueryServiceRestClient>();
    }

    public QueryServiceAccessTokenProvider Tokens { get; }

    /// <summary>The wire's credentials, with the same token provider as the REST client.</summary>
    public QueryServiceCredentials Credentials { get; }

    public QueryServiceRestClient Client { get; }

    /// <param name="sandbox">The sandbox.</param>
    /// <param name="clock">The token provider's clock: a stopped one never renews a token before the server refuses it.</param>
    /// <param name="baseAddress">Another server in place of the sandbox's REST API (with a certificate of the sandbox's authority).</param>
    public static SandboxRestClient Create(QueryServiceSandbox sandbox, TimeProvider? clock = null, Uri? baseAddress = null)
    {
        var imsClient = new HttpClient(QueryServiceRestHandlers.Create(sandbox.RootCertificatePath, TimeSpan.FromSeconds(30)));
        var tokens = new QueryServiceAccessTokenProvider(sandbox.OAuthOptions(), imsClient, clock);
        var credentials = QueryServiceCredentials.FromOAuth(sandbox.Host, tokens) with { Port = sandbox.Port, Database = sandbox.Database };
        var services = new ServiceCollection();
        services.AddQueryServiceRestClient(credentials, o => o with
        {
            BaseAddress = baseAddress ?? sandbox.RestBaseAddress,
            RootCertificate = sandbox.RootCertificatePath,
            PollInterval = TimeSpan.FromMilliseconds(100),
            MaxPollInterval = TimeSpan.FromMilliseconds(250),
            MaxWait = TimeSpan.FromMinutes(5),
            RetryDelay = TimeSpan.FromMilliseconds(100),
        });
        return new SandboxRestClient(services.BuildServiceProvider(), imsClient, tokens, credentials);
    }

    public void Dispose()
    {
        _services.Dispose();
        Tokens.Dispose();
        _imsClient.Dispose();
    }
}
