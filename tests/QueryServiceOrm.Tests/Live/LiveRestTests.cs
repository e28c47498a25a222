using Microsoft.Extensions.DependencyInjection;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Rest;
using QueryServiceOrm.Tests.Support;

namespace QueryServiceOrm.Tests.Live;

/// <summary>
/// The REST API of a real sandbox (Data Distiller licence): a batch query submitted, polled to its end, one cancelled, and
/// both found in the list. Needs the OAuth settings (QueryService__ClientId, ClientSecret, OrganizationId); the states the
/// service reports are written to the test output, which settles the names the emulator uses.
/// </summary>
[TestFixture]
[Category(LiveSandbox.Category)]
[NonParallelizable]
public sealed class LiveRestTests
{
    private ServiceProvider? _services;
    private QueryServiceRestClient _client = null!;

    [OneTimeSetUp]
    public void CreateClient()
    {
        LiveSandbox.RequireEnabled();
        LiveSandbox.RequireSettings("REST", QueryServiceCredentialKeys.ClientId, QueryServiceCredentialKeys.ClientSecret, QueryServiceCredentialKeys.OrganizationId);
        var services = new ServiceCollection();
        services.AddQueryServiceRestClient(QueryServiceCredentials.FromEnvironment());
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
    }

    [Test]
    public async Task A_query_is_submitted_polled_to_success_and_listed()
    {
        var progress = new ProgressLog();
        var job = await _client.SubmitJobAsync(new QueryServiceQueryRequest { Sql = "SELECT 1 AS one", Name = "qsorm live REST test" });
        await job.WaitAsync(progress);
        await TestContext.Out.WriteLineAsync($"states seen: {string.Join(" -> ", progress.States())}");

        var listed = await _client.ListAllQueriesAsync(new QueryServiceQueryListOptions { OrderBy = "-created", Limit = 50 }).Take(200).AnyAsync(q => q.Id == job.Id);
        Assert.Multiple(() =>
        {
            Assert.That(job.State, Is.EqualTo(QueryServiceJobState.Success));
            Assert.That(listed, Is.True, "the query is in the list, newest first");
        });
    }

    [Test]
    public async Task A_cancelled_query_ends_cancelled()
    {
        var job = await _client.SubmitJobAsync(new QueryServiceQueryRequest { Sql = "SELECT count(*) AS n FROM range(100000000000)", Name = "qsorm live REST cancel test" });
        await job.CancelAsync();

        var error = Assert.ThrowsAsync<QueryServiceJobCancelledException>(() => job.WaitAsync());
        await TestContext.Out.WriteLineAsync($"a cancelled query ends {error!.State}");
    }
}
