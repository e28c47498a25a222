using System.Net;
using System.Security.Cryptography.X509Certificates;
using QueryServiceOrm.Rest;
using QueryServiceOrm.Sandbox.Rest;

namespace QueryServiceOrm.Tests.Rest;

/// <summary>
/// The REST client against the sandbox's gateway faults: a submission turned away (429 with Retry-After, 503) is retried
/// and creates exactly one job; one whose fate is unknown (500) is not retried.
/// </summary>
[NonParallelizable]
public sealed class QueryServiceRestResilienceTests
{
    private QueryServiceSandbox _sandbox = null!;

    [OneTimeSetUp]
    public async Task StartSandboxAsync() => _sandbox = await SharedSandbox.GetAsync();

    private List<RestLogEntry> Submissions(DateTimeOffset since)
        => _sandbox.ReadRestLog()
            .Where(e => e.Time >= since && e.Method == "POST" && e.Path.EndsWith("/queries", StringComparison.Ordinal))
            .ToList();

    [Test]
    public async Task A_submission_turned_away_with_429_and_503_is_retried_and_creates_exactly_one_job()
    {
        using var rest = SandboxRestClient.Create(_sandbox);
        var name = "retried-" + Guid.NewGuid().ToString("N");
        var since = DateTimeOffset.UtcNow;
        using var throttled = _sandbox.FailRest("POST", "/queries", HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(1));
        using var unavailable = _sandbox.FailRest("POST", "/queries", HttpStatusCode.ServiceUnavailable);

        var job = await rest.Client.SubmitJobAsync(new QueryServiceQueryRequest { Sql = "SELECT 1 AS one", Name = name });
        await job.WaitAsync();

        var posts = Submissions(since);
        var named = await rest.Client.ListAllQueriesAsync(new QueryServiceQueryListOptions { Limit = 100 })
            .Where(q => q.Request?.Name == name).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(posts.Select(p => (p.Status, p.Outcome)), Is.EqualTo(new[] { (429, "fault"), (503, "fault"), (202, "created") }));
            Assert.That(posts[^1].JobId, Is.EqualTo(job.Id));
            Assert.That(named.Select(q => q.Id), Is.EqualTo(new[] { job.Id }), "the API holds exactly one job of that name");
            Assert.That(job.State, Is.EqualTo(QueryServiceJobState.Success));
        });
    }

    [Test]
    public async Task A_submission_answered_with_500_is_not_retried_since_a_job_may_have_been_created()
    {
        using var rest = SandboxRestClient.Create(_sandbox);
        var since = DateTimeOffset.UtcNow;
        using var failing = _sandbox.FailRest("POST", "/queries", HttpStatusCode.InternalServerError);

        var error = Assert.ThrowsAsync<QueryServiceRestException>(
            () => rest.Client.SubmitJobAsync(new QueryServiceQueryRequest { Sql = "SELECT 1 AS one" }))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(Submissions(since).Select(p => p.Status), Is.EqualTo(new[] { 500 }));
        });
    }

    [Test]
    public async Task A_connection_dropped_mid_request_is_retried_for_a_read_and_not_for_a_submission()
    {
        var data = Path.Combine(_sandbox.InstanceDirectory, "data");
        using var certificate = X509Certificate2.CreateFromPemFile(Path.Combine(data, "server.crt"), Path.Combine(data, "server.key"));
        await using var reads = new DroppingHttpsServer(certificate);
        await using var submissions = new DroppingHttpsServer(certificate);
        using var readClient = SandboxRestClient.Create(_sandbox, baseAddress: reads.BaseAddress);
        using var submitClient = SandboxRestClient.Create(_sandbox, baseAddress: submissions.BaseAddress);

        Assert.ThrowsAsync<HttpRequestException>(() => readClient.Client.GetQueryAsync("any"));
        Assert.ThrowsAsync<HttpRequestException>(
            () => submitClient.Client.SubmitQueryAsync(new QueryServiceQueryRequest { Sql = "SELECT 1 AS one" }));

        Assert.Multiple(() =>
        {
            // SocketsHttpHandler itself sends a read again on a new connection a few times (4 in all on .NET 10) before it fails.
            Assert.That(
                reads.ConnectionsAccepted, Is.GreaterThanOrEqualTo(readClient.Client.Options.MaxRetries + 1), "the read, then every retry");
            Assert.That(submissions.ConnectionsAccepted, Is.EqualTo(1), "a job may exist: the submission is not sent again");
        });
    }

    [Test]
    public async Task A_read_answered_with_503_is_retried()
    {
        using var rest = SandboxRestClient.Create(_sandbox);
        var job = await rest.Client.SubmitJobAsync(new QueryServiceQueryRequest { Sql = "SELECT 1 AS one" });
        using var unavailable = _sandbox.FailRest("GET", job.Id, HttpStatusCode.ServiceUnavailable, times: 2);

        await job.WaitAsync();

        Assert.Multiple(() =>
        {
            Assert.That(unavailable.Failed, Is.EqualTo(2));
            Assert.That(job.State, Is.EqualTo(QueryServiceJobState.Success));
        });
    }
}
