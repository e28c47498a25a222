using System.Net;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Rest;

namespace QueryServiceOrm.Tests.Infrastructure;

/// <summary>
/// Credentials with OAuth settings and a sandbox name but no host, database or user: the wire's settings come from the REST
/// API's <c>/connection_parameters</c>, with the token the wire uses, once per token. The fixture's one token provider (on a
/// clock the tests move) keeps every context here on one internal service provider; each test takes its own credentials
/// instance, and so its own parameters.
/// </summary>
[NonParallelizable]
public sealed class ConnectionParametersSourceTests
{
    private const string ParametersPath = "/data/foundation/query/connection_parameters";
    private QueryServiceSandbox _sandbox = null!;
    private HttpClient _imsClient = null!;
    private ManualTimeProvider _clock = null!;
    private QueryServiceAccessTokenProvider _tokens = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sandbox = await SharedSandbox.GetAsync();
        await JobSourceContext.CreateSourceAsync(_sandbox);
        _imsClient = new HttpClient(QueryServiceRestHandlers.Create(_sandbox.RootCertificatePath, TimeSpan.FromSeconds(30)));
        _clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        _tokens = new QueryServiceAccessTokenProvider(_sandbox.OAuthOptions(), _imsClient, _clock);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _tokens.Dispose();
        _imsClient.Dispose();
    }

    [Test]
    public async Task A_context_from_oauth_settings_alone_queries_the_sandbox_over_the_wire()
    {
        var credentials = OAuthAlone(_sandbox.SandboxName);
        var factory = new QueryServiceDbContextFactory<JobSourceContext>(credentials);
        await using var db = factory.CreateDbContext();

        var names = await db.Rows.Where(r => r.Id <= 3).OrderBy(r => r.Id).Select(r => r.Name).ToListAsync();

        var connection = db.Database.GetDbConnection();
        Assert.Multiple(() =>
        {
            Assert.That(names, Is.EqualTo(new[] { "name 1", "name 2", "name 3" }));
            Assert.That((credentials.Host, credentials.Username), Is.EqualTo(("", "")), "nothing of the wire was configured");
            Assert.That((connection.DataSource, connection.Database), Is.EqualTo(($"tcp://{_sandbox.Host}:{_sandbox.Port}", "prod:all")));
        });
    }

    [Test]
    public async Task The_parameters_are_fetched_once_across_many_opens_and_again_once_the_token_was_renewed()
    {
        var factory = new QueryServiceDbContextFactory<EmptyContext>(OAuthAlone(_sandbox.SandboxName));
        var since = DateTimeOffset.UtcNow;

        // The first open is synchronous: it fetches the parameters without an asynchronous caller to await it.
        OpenSynchronously(factory);
        await OpenAsync(factory, times: 5);
        var beforeRenewal = Fetches(since);

        // What the background refresh does once the token is due: the provider fetches a new one from the token endpoint.
        _clock.Advance(TimeSpan.FromDays(2));
        await _tokens.GetAccessTokenAsync();
        await OpenAsync(factory, times: 3);
        OpenSynchronously(factory);

        Assert.Multiple(() =>
        {
            Assert.That(beforeRenewal, Is.EqualTo(1), "six opens, one fetch");
            Assert.That(Fetches(since), Is.EqualTo(2), "one more fetch after the token was renewed, none per open");
        });
    }

    [Test]
    public async Task A_refusal_of_the_api_names_what_to_check()
    {
        await using var db = new QueryServiceDbContextFactory<EmptyContext>(OAuthAlone("other")).CreateDbContext();

        var refusal = Assert.ThrowsAsync<QueryServiceRestException>(() => db.Database.OpenConnectionAsync());

        Assert.Multiple(() =>
        {
            Assert.That(refusal!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(refusal.Message, Does.Contain("connection_parameters failed with HTTP 403").And.Contain("x-sandbox-name"));
            Assert.That(refusal.Message, Does.Contain("SandboxName is set").And.Contain("Check ClientId"));
            Assert.That(refusal.Message, Does.Not.Contain(_sandbox.ClientSecret).And.Not.Contain(_sandbox.Password));
        });
    }

    private QueryServiceCredentials OAuthAlone(string sandboxName)
        => QueryServiceCredentials.FromOAuth(_tokens, sandboxName) with
        {
            ApiBaseAddress = _sandbox.RestBaseAddress,
            ApiRootCertificate = _sandbox.RootCertificatePath,
        };

    private int Fetches(DateTimeOffset since)
        => _sandbox.ReadRestLog().Count(e => e.Time >= since && e.Path == ParametersPath && e.Status == 200);

    private static void OpenSynchronously(QueryServiceDbContextFactory<EmptyContext> factory)
    {
        using var db = factory.CreateDbContext();
        db.Database.OpenConnection();
        db.Database.CloseConnection();
    }

    private static async Task OpenAsync(QueryServiceDbContextFactory<EmptyContext> factory, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await using var db = factory.CreateDbContext();
            await db.Database.OpenConnectionAsync();
            await db.Database.CloseConnectionAsync();
        }
    }
}
