using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Rest;

namespace QueryServiceOrm.Tests.Rest;

/// <summary>
/// Batch jobs against the sandbox's REST API: a LINQ CTAS over a million rows followed to its end, a job cancelled through
/// the wait's token, and a token that expires while a job is polled.
/// </summary>
[NonParallelizable]
public sealed class QueryServiceJobTests
{
    private const string Ctas = "jobs_ctas";
    private const string Cancelled = "jobs_cancelled";
    private const string Renewed = "jobs_renewed";
    private QueryServiceSandbox _sandbox = null!;

    // Polls every 250 ms at the most see both a second SUBMITTED and a second IN_PROGRESS.
    [OneTimeSetUp]
    public async Task StartSandboxAsync() => _sandbox = await JobSourceContext.StartSandboxAsync(TimeSpan.FromSeconds(1));

    [OneTimeTearDown]
    public async Task StopSandboxAsync() => await _sandbox.DisposeAsync();

    [SetUp]
    public Task DropTargetsAsync() => _sandbox.ExecuteAdminAsync($"DROP TABLE IF EXISTS {Ctas}, {Cancelled}, {Renewed}");

    private static JobSourceContext Context(SandboxRestClient rest)
        => new QueryServiceDbContextFactory<JobSourceContext>(rest.Credentials, configureContext: o => OwnEfServices.Use(o))
            .CreateDbContext();

    [Test]
    public async Task A_create_table_as_job_from_linq_goes_through_its_states_in_order_and_writes_the_rows_psql_counts()
    {
        using var rest = SandboxRestClient.Create(_sandbox);
        await using var db = Context(rest);
        var progress = new ProgressLog();

        var job = await db.Rows.Select(r => new { r.Id, r.Name }).CreateTableAsJobAsync(rest.Client, Ctas);
        await job.WaitAsync(progress);

        var counted = await _sandbox.PsqlAsync($"SELECT count(*) FROM {Ctas}");
        var admitted = _sandbox.ReadJournal().Where(e => e.Protocol == "rest" && e.Sql.Contains(Ctas, StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(progress.States(), Is.EqualTo(new[] { "SUBMITTED", "IN_PROGRESS", "SUCCESS" }));
            Assert.That(progress.Reports.Select(r => r.Polls), Is.Ordered.And.Unique);
            Assert.That(progress.Reports[^1].RowCount, Is.EqualTo(JobSourceContext.SourceRows));
            Assert.That(job.State, Is.EqualTo(QueryServiceJobState.Success));
            Assert.That(job.RowCount, Is.EqualTo(JobSourceContext.SourceRows));
            Assert.That(counted[0][0], Is.EqualTo(JobSourceContext.SourceRows.ToString(CultureInfo.InvariantCulture)));
            Assert.That(
                admitted.Select(e => e.Outcome), Is.EqualTo(new[] { "backend" }), "the job's SQL went through the front's rules once");
        });
    }

    [Test]
    public async Task Cancelling_the_wait_cancels_the_job_on_the_server_stops_its_statement_and_creates_no_table()
    {
        using var rest = SandboxRestClient.Create(_sandbox);
        await using var db = Context(rest);
        // Every row against every other: a statement that runs until it is stopped.
        var job = await db.Database.SubmitJobAsync(
            rest.Client,
            $"CREATE TABLE {Cancelled} AS SELECT count(*) AS n FROM {JobSourceContext.Source} a CROSS JOIN {JobSourceContext.Source} b");
        using var cancellation = new CancellationTokenSource();
        var wait = job.WaitAsync(null, cancellation.Token);
        await JobSessions.RunningAsync(_sandbox, job.Id);

        await cancellation.CancelAsync();

        Assert.That(async () => await wait, Throws.InstanceOf<OperationCanceledException>());
        var ended = await EndedAsync(rest.Client, job.Id);
        var sessions = await JobSessions.LeftAsync(_sandbox, job.Id);
        var table = await _sandbox.PsqlAsync($"SELECT to_regclass('{Cancelled}') IS NULL");
        Assert.Multiple(() =>
        {
            Assert.That(ended.State, Is.EqualTo(QueryServiceJobState.Killed));
            Assert.That(sessions, Is.Zero, "the job's backend session is gone from pg_stat_activity");
            Assert.That(table[0][0], Is.EqualTo("t"), "the CTAS target was not created");
        });
    }

    [Test]
    public async Task A_token_that_expires_while_a_job_is_polled_is_renewed_and_the_wait_succeeds()
    {
        // The provider's clock stands still, so it never renews the token on its own: only the API's 401 tells it.
        using var rest = SandboxRestClient.Create(_sandbox, new ManualTimeProvider(DateTimeOffset.UtcNow));
        await using var db = Context(rest);
        var job = await db.Rows.CreateTableAsJobAsync(rest.Client, Renewed);
        var token = await rest.Tokens.GetAccessTokenAsync();
        await _sandbox.RotatePasswordAsync(token, expiresAt: DateTimeOffset.UtcNow.AddSeconds(1));

        await job.WaitAsync();

        var refused = _sandbox.ReadRestLog().Where(e => e.Path.Contains(job.Id, StringComparison.Ordinal) && e.Status == 401).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(job.State, Is.EqualTo(QueryServiceJobState.Success));
            Assert.That(refused, Is.Not.Empty, "the token expired during the wait and the API refused it");
            Assert.That(rest.Tokens.TokensFetched, Is.EqualTo(2), "one token, then one renewal");
            Assert.That(_sandbox.Password, Is.Not.EqualTo(token));
        });
    }

    private static async Task<QueryServiceQuery> EndedAsync(QueryServiceRestClient client, string id)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var query = await client.GetQueryAsync(id);
            if (query.State.IsTerminal)
            {
                return query;
            }

            await Task.Delay(100);
        }

        throw new AssertionException($"Query {id} did not end after it was cancelled.");
    }
}
