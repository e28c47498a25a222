using System.Web;
using QueryServiceOrm.Credentials;

namespace QueryServiceOrm.Tests.Credentials;

public sealed class QueryServiceAccessTokenProviderTests
{
    private const string ClientSecret = "p8e-client-secret-'\"\\ value";

    private static QueryServiceOAuthOptions Options(Uri endpoint, string secret = ClientSecret)
        => new()
        {
            ClientId = "client-id",
            ClientSecret = secret,
            OrganizationId = "ORG@AdobeOrg",
            TokenEndpoint = endpoint,
        };

    [Test]
    public async Task Fetches_with_the_client_credentials_grant_and_keeps_the_token_while_fresh()
    {
        await using var setup = new ClockedProvider(TimeSpan.FromHours(24));
        var (endpoint, clock, provider) = (setup.Endpoint, setup.Clock, setup.Provider);

        var first = await provider.GetAccessTokenAsync();
        clock.Advance(TimeSpan.FromHours(23.8));
        var second = await provider.GetAccessTokenAsync();

        var form = HttpUtility.ParseQueryString(endpoint.RequestBodies.Single());
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(endpoint.Issued, Is.EqualTo(1));
            Assert.That(provider.TokensFetched, Is.EqualTo(1));
            Assert.That(form["grant_type"], Is.EqualTo("client_credentials"));
            Assert.That(form["client_id"], Is.EqualTo("client-id"));
            Assert.That(form["client_secret"], Is.EqualTo(ClientSecret));
            Assert.That(form["scope"], Is.EqualTo(QueryServiceOAuthOptions.DefaultScopes));
        });
    }

    [Test]
    public async Task Renews_before_expiry_by_the_configured_margin()
    {
        await using var setup = new ClockedProvider(TimeSpan.FromHours(24));
        var (endpoint, clock, provider) = (setup.Endpoint, setup.Clock, setup.Provider);

        var first = await provider.GetAccessTokenAsync();
        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(9));
        var renewed = await provider.GetAccessTokenAsync();

        Assert.Multiple(() =>
        {
            Assert.That(renewed, Is.Not.EqualTo(first));
            Assert.That(endpoint.Issued, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Short_lived_tokens_are_renewed_at_half_their_lifetime()
    {
        await using var setup = new ClockedProvider(TimeSpan.FromSeconds(60));
        var (clock, provider) = (setup.Clock, setup.Provider);

        var first = await provider.GetAccessTokenAsync();
        clock.Advance(TimeSpan.FromSeconds(29));
        var stillFirst = await provider.GetAccessTokenAsync();
        clock.Advance(TimeSpan.FromSeconds(2));
        var renewed = await provider.GetAccessTokenAsync();

        Assert.Multiple(() =>
        {
            Assert.That(stillFirst, Is.EqualTo(first));
            Assert.That(renewed, Is.Not.EqualTo(first));
        });
    }

    [Test]
    public async Task Concurrent_callers_share_one_fetch()
    {
        await using var endpoint = new LocalTokenEndpoint("client-id", ClientSecret, TimeSpan.FromHours(1));
        using var provider = new QueryServiceAccessTokenProvider(Options(endpoint.TokenUri));

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => provider.GetAccessTokenAsync().AsTask()));

        Assert.Multiple(() =>
        {
            Assert.That(tokens.Distinct().Count(), Is.EqualTo(1));
            Assert.That(endpoint.Issued, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_refusal_says_what_to_check_without_the_secret()
    {
        await using var endpoint = new LocalTokenEndpoint("client-id", "the-right-secret", TimeSpan.FromHours(1));
        using var provider = new QueryServiceAccessTokenProvider(Options(endpoint.TokenUri));

        var error = Assert.ThrowsAsync<QueryServiceTokenException>(async () => await provider.GetAccessTokenAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("401").And.Contain("invalid_client").And.Contain("ClientSecret"));
            Assert.That(error.ToString(), Does.Not.Contain(ClientSecret).And.Not.Contain("the-right-secret"));
            Assert.That(error, Is.InstanceOf<QueryServiceException>());
        });
    }

    [Test]
    public void An_unreachable_endpoint_says_so()
    {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        using var provider = new QueryServiceAccessTokenProvider(Options(new Uri("http://127.0.0.1:1/ims/token/v3")));
        var error = Assert.ThrowsAsync<QueryServiceTokenException>(async () => await provider.GetAccessTokenAsync())!;
        Assert.That(error.Message, Does.Contain("could not be reached"));
    }

    [Test]
    public void ToString_hides_the_client_secret()
    {
        using var provider = new QueryServiceAccessTokenProvider(Options(new Uri("https://ims.example.test/token")));
        Assert.Multiple(() =>
        {
            Assert.That(provider.ToString(), Does.Not.Contain(ClientSecret));
            Assert.That(provider.Options.ToString(), Does.Contain("ClientSecret=<redacted>"));
        });
    }

    /// <summary>A token endpoint and a provider whose clock the test moves.</summary>
    private sealed class ClockedProvider : IAsyncDisposable
    {
        public ClockedProvider(TimeSpan lifetime)
        {
            Endpoint = new LocalTokenEndpoint("client-id", ClientSecret, lifetime);
            Provider = new QueryServiceAccessTokenProvider(Options(Endpoint.TokenUri), timeProvider: Clock);
        }

        public LocalTokenEndpoint Endpoint { get; }

        public ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public QueryServiceAccessTokenProvider Provider { get; }

        public async ValueTask DisposeAsync()
        {
            Provider.Dispose();
            await Endpoint.DisposeAsync();
        }
    }
}
