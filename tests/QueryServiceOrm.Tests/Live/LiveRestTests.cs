using Microsoft.Extensions.DependencyInjection;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Rest;

namespace QueryServiceOrm.Tests.Live;

/// <summary>
/// The REST API of a real sandbox (Data Distiller licence): a batch query submitted, polled to its end, one cancelled, and
/// both found in the list. Needs the OAuth settings (QueryService__ClientId, ClientSecret, OrganizationId); the states the
/// service reports are written to the test output, which settles the names the emulator uses.
/// </summary>
[TestFixture]
[Category(LiveSandbox.Category)]
[NonParallelizable]
public sealed partial class LiveRestTests
{
    private ServiceProvider? _services;
    private QueryServiceAccessTokenProvider? _tokens;
    private HttpClient? _imsClient;
    private QueryServiceRestClient _client = null!;

    [OneTimeSetUp]
    public void CreateClient()
    {
        LiveSandbox.RequireEnabled();
        LiveSandbox.RequireSettings(
            "REST",
            QueryServiceCredentialKeys.ClientId,
            QueryServiceCredentialKeys.ClientSecret,
            QueryServiceCredentialKeys.OrganizationId);
        // OAuth settings of their own: the suite's QueryService__Password, if set, is for the other tests. ApiBaseAddress and
        // ApiRootCertificate point them elsewhere than Adobe's (at a local sandbox, to try the suite itself).
        var root = LiveSandbox.Setting(QueryServiceCredentialKeys.ApiRootCertificate);
        _imsClient = root is null ? null : QueryServiceAccessTokenProvider.TrustingClient(root);
        _tokens = new QueryServiceAccessTokenProvider(new QueryServiceOAuthOptions
        {
            ClientId = LiveSandbox.Setting(QueryServiceCredentialKeys.ClientId)!,
            ClientSecret = LiveSandbox.Setting(QueryServiceCredentialKeys.ClientSecret)!,
            OrganizationId = LiveSandbox.Setting(QueryServiceCredentialKeys.OrganizationId)!,
            Scopes = LiveSandbox.Setting(QueryServiceCredentialKeys.Scopes) ?? QueryServiceOAuthOptions.DefaultScopes,
            TokenEndpoint = LiveSandbox.Setting(QueryServiceCredentialKeys.TokenEndpoint) is { } endpoint
                ? new Uri(endpoint)
                : QueryServiceOAuthOptions.DefaultTokenEndpoint,
        }, _imsClient);
        var credentials = QueryServiceCredentials.FromOAuth(LiveSandbox.Setting(QueryServiceCredentialKeys.Host)!, _tokens)
            with
            {
                Database = LiveSandbox.Setting(QueryServiceCredentialKeys.Database) ?? QueryServiceCredentials.DefaultDatabase,
                ApiBaseAddress = LiveSandbox.Setting(QueryServiceCredentialKeys.ApiBaseAddress) is { } api ? new Uri(api) : null,
                ApiRootCertificate = root,
            };
        var services = new ServiceCollection();
        services.AddQueryServiceRestClient(credentials);
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<QueryServiceRestClient>();
    }

    [OneTimeTearDown]
    public async Task DisposeClientAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        _tokens?.Dispose();
        _imsClient?.Dispose();
    }

    [Test]
    public async Task The_connection_parameters_name_the_interactive_service_of_the_sandbox()
    {
        var parameters = await _client.GetConnectionParametersAsync();
        await TestContext.Out.WriteLineAsync($"connection parameters: {parameters}");
        Assert.Multiple(() =>
        {
            Assert.That(parameters.Host, Is.EqualTo(LiveSandbox.Setting(QueryServiceCredentialKeys.Host)).IgnoreCase, "as on the tab");
            Assert.That(parameters.Port, Is.InRange(1, 65535));
            Assert.That(parameters.DbName, Does.StartWith(_client.Options.SandboxName + ":"));
            Assert.That(parameters.Username, Does.EndWith("@AdobeOrg"));
        });
    }

    [Test]
    public async Task A_query_is_submitted_polled_to_success_and_listed()
    {
        var progress = new ProgressLog();
        var job = await _client.SubmitJobAsync(new QueryServiceQueryRequest { Sql = "SELECT 1 AS one", Name = "qsorm live REST test" });
        await job.WaitAsync(progress);
        await TestContext.Out.WriteLineAsync($"states seen: {string.Join(" -> ", progress.States())}");

        var listed = await _client.ListAllQueriesAsync(new QueryServiceQueryListOptions { OrderBy = "-created", Limit = 50 })
            .Take(200)
            .AnyAsync(q => q.Id == job.Id);
        Assert.Multiple(() =>
        {
            Assert.That(job.State, Is.EqualTo(QueryServiceJobState.Success));
            Assert.That(listed, Is.True, "the query is in the list, newest first");
        });
    }

    [Test]
    public async Task A_cancelled_query_ends_cancelled()
    {
        var job = await _client.SubmitJobAsync(
            new QueryServiceQueryRequest { Sql = "SELECT count(*) AS n FROM range(100000000000)", Name = "qsorm live REST cancel test" });
        await job.CancelAsync();

        var error = Assert.ThrowsAsync<QueryServiceJobCancelledException>(() => job.WaitAsync());
        await TestContext.Out.WriteLineAsync($"a cancelled query ends {error!.State}");
    }
}
