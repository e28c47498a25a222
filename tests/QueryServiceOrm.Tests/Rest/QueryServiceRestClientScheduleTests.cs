using System.Net;
using QueryServiceOrm.Rest;

namespace QueryServiceOrm.Tests.Rest;

/// <summary>
/// Scheduled queries through the library against the sandbox's REST API: created, listed page by page, disabled and
/// enabled, run on demand (each run a query whose rows psql counts on the backend) or cancelled, and deleted; a bad cron
/// refused.
/// </summary>
[NonParallelizable]
public sealed class QueryServiceRestClientScheduleTests
{
    private const string Target = "schedule_runs_target";
    private const string Cron = "30 * * * *";
    private QueryServiceSandbox _sandbox = null!;
    private SandboxRestClient _rest = null!;

    private QueryServiceRestClient Client => _rest.Client;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sandbox = await SharedSandbox.GetAsync();
        _rest = SandboxRestClient.Create(_sandbox);
    }

    [OneTimeTearDown]
    public void Stop() => _rest.Dispose();

    [SetUp]
    public Task CreateTargetAsync()
        => _sandbox.ExecuteAdminAsync($"DROP TABLE IF EXISTS {Target}; CREATE TABLE {Target} (id bigint)");

    [Test]
    public async Task A_created_schedule_answers_registering_reads_enabled_and_is_listed_page_by_page_in_creation_order()
    {
        var created = new List<QueryServiceSchedule>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await CreateAsync("SELECT 1 AS one", "paged " + i));
        }

        var read = await Client.GetScheduleAsync(created[0].Id);
        var listed = new List<string>();
        var pages = 0;
        for (var options = new QueryServiceScheduleListOptions { OrderBy = "+created", Limit = 1 }; ; pages++)
        {
            var page = await Client.ListSchedulesAsync(options);
            listed.AddRange(page.Schedules.Select(s => s.Id));
            if (page.NextStart is not { } next || pages > 1000)
            {
                break;
            }

            options = options with { Start = next };
        }

        Assert.Multiple(() =>
        {
            Assert.That(created.Select(s => s.State), Is.All.EqualTo("REGISTERING"), "a creation answers REGISTERING, as Adobe's does");
            Assert.That(read.State, Is.EqualTo("ENABLED"));
            Assert.That(read.Query?.Sql, Is.EqualTo("SELECT 1 AS one"));
            Assert.That(read.Query?.DbName, Is.EqualTo(_sandbox.Database), "the client's database, as for a query");
            Assert.That(read.Schedule, Is.EqualTo(new QueryServiceCronSchedule(Cron, read.Schedule?.StartDate, 1)));
            Assert.That(read.Created, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(5)), "epoch milliseconds, read");
            Assert.That(pages, Is.GreaterThanOrEqualTo(2), "one schedule a page");
            Assert.That(listed.Intersect(created.Select(s => s.Id)), Is.EqualTo(created.Select(s => s.Id)), "oldest first, each once");
        });
    }

    [Test]
    public async Task Disabling_and_enabling_shows_in_the_state_and_a_disabled_schedule_refuses_a_run()
    {
        var schedule = await CreateAsync("SELECT 1 AS one", "toggled");

        await Client.DisableScheduleAsync(schedule.Id);
        var disabled = await Client.GetScheduleAsync(schedule.Id);
        var refused = Assert.ThrowsAsync<QueryServiceRestException>(() => Client.TriggerScheduleRunAsync(schedule.Id))!;
        await Client.EnableScheduleAsync(schedule.Id);
        var enabled = await Client.GetScheduleAsync(schedule.Id);

        Assert.Multiple(() =>
        {
            Assert.That(disabled.State, Is.EqualTo("DISABLED"));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(refused.ServerMessage, Does.Contain("enable it"));
            Assert.That(enabled.State, Is.EqualTo("ENABLED"));
        });
    }

    [Test]
    public async Task Each_triggered_run_submits_the_schedule_sql_as_a_query_whose_rows_psql_counts_on_the_backend()
    {
        var schedule = await CreateAsync($"INSERT INTO {Target} SELECT id FROM range(5)", "runs");

        await Client.TriggerScheduleRunAsync(schedule.Id);
        await Client.TriggerScheduleRunAsync(schedule.Id);
        var runs = await EndedRunsAsync(Client, schedule.Id, 2);
        var run = await Client.GetScheduleRunAsync(schedule.Id, runs[0].Id);
        var query = await Client.GetQueryAsync(run.TaskStatusList.Single().TaskId!);
        var succeeded = await Client.ListScheduleRunsAsync(schedule.Id, new() { Properties = ["state==SUCCESS"] });

        var counted = await _sandbox.PsqlAsync($"SELECT count(*) FROM {Target}");
        Assert.Multiple(() =>
        {
            Assert.That(runs.Select(r => r.State), Is.All.EqualTo(QueryServiceJobState.Success));
            Assert.That(runs.Select(r => r.ExternalTrigger), Is.All.True);
            Assert.That(runs.Select(r => r.Id).Distinct().Count(), Is.EqualTo(2));
            Assert.That(run.ScheduleId, Is.EqualTo(schedule.Id));
            Assert.That(query.Request?.Sql, Is.EqualTo($"INSERT INTO {Target} SELECT id FROM range(5)"), "the run's task is a query");
            Assert.That(query.RowCount, Is.EqualTo(5));
            Assert.That(succeeded.Runs, Has.Count.EqualTo(2));
            Assert.That(counted[0][0], Is.EqualTo(10.ToString(CultureInfo.InvariantCulture)), "both runs wrote their rows");
        });
    }

    [Test]
    public async Task Cancelling_a_run_stops_its_backend_statement_and_the_run_ends_killed_having_written_nothing()
    {
        // Every row against every other: a statement that runs until it is stopped.
        var schedule = await CreateAsync(
            $"INSERT INTO {Target} SELECT count(*) FROM range(100000) a CROSS JOIN range(100000) b", "cancelled");
        await Client.TriggerScheduleRunAsync(schedule.Id);
        var run = (await Client.ListScheduleRunsAsync(schedule.Id)).Runs.Single();
        var jobId = (await Client.GetScheduleRunAsync(schedule.Id, run.Id)).TaskStatusList.Single().TaskId!;
        await JobSessions.RunningAsync(_sandbox, jobId);

        await Client.CancelScheduleRunAsync(schedule.Id, run.Id);

        var ended = (await EndedRunsAsync(Client, schedule.Id, 1)).Single();
        var again = Assert.ThrowsAsync<QueryServiceRestException>(() => Client.CancelScheduleRunAsync(schedule.Id, run.Id))!;
        var sessions = await JobSessions.LeftAsync(_sandbox, jobId);
        var counted = await _sandbox.PsqlAsync($"SELECT count(*) FROM {Target}");
        Assert.Multiple(() =>
        {
            Assert.That(ended.State, Is.EqualTo(QueryServiceJobState.Killed));
            Assert.That(again.ServerMessage, Does.Contain("has ended (KILLED)"));
            Assert.That(sessions, Is.Zero, "the run's backend session is gone from pg_stat_activity");
            Assert.That(counted[0][0], Is.EqualTo("0"));
        });
    }

    [Test]
    public async Task A_schedule_is_deleted_once_disabled_then_reads_not_found_and_leaves_the_list()
    {
        var schedule = await CreateAsync("SELECT 1 AS one", "deleted");
        var enabledRefused = Assert.ThrowsAsync<QueryServiceRestException>(() => Client.DeleteScheduleAsync(schedule.Id))!;

        await Client.DisableScheduleAsync(schedule.Id);
        await Client.DeleteScheduleAsync(schedule.Id);

        var gone = Assert.ThrowsAsync<QueryServiceRestException>(() => Client.GetScheduleAsync(schedule.Id))!;
        var listed = await Client.ListSchedulesAsync(new() { Limit = 1000 });
        Assert.Multiple(() =>
        {
            Assert.That(enabledRefused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(enabledRefused.ServerMessage, Does.Contain("disable it"));
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(listed.Schedules.Select(s => s.Id), Does.Not.Contain(schedule.Id));
        });
    }

    [TestCase("30 * * *", "4 fields")]
    [TestCase("61 * * * *", "minute field '61'")]
    [TestCase("0 0 * FOO *", "month field 'FOO'")]
    [TestCase("*/0 * * * *", "minute field '*/0'")]
    [TestCase("@sometimes", "not a shorthand")]
    public async Task An_invalid_cron_expression_is_refused_with_the_api_message_and_creates_nothing(string cron, string reason)
    {
        var before = (await Client.ListSchedulesAsync(new() { Limit = 1000 })).Schedules.Count;

        var refused = Assert.ThrowsAsync<QueryServiceRestException>(() => CreateAsync("SELECT 1 AS one", "bad cron", cron))!;

        var after = (await Client.ListSchedulesAsync(new() { Limit = 1000 })).Schedules.Count;
        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(refused.ServerMessage, Does.StartWith($"schedule.schedule '{cron}'").And.Contain(reason));
            Assert.That(refused.Message, Does.Contain("HTTP 400").And.Contain("30 * * * *"), "the message shows a valid form");
            Assert.That(after, Is.EqualTo(before));
        });
    }

    /// <summary>The schedule's runs, newest first, once <paramref name="count"/> of them have ended.</summary>
    internal static async Task<IReadOnlyList<QueryServiceScheduleRun>> EndedRunsAsync(QueryServiceRestClient client, string id, int count)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var runs = (await client.ListScheduleRunsAsync(id, new() { OrderBy = "-created" })).Runs;
            if (runs.Count >= count && runs.All(r => r.State.IsTerminal))
            {
                return runs;
            }

            await Task.Delay(100);
        }

        throw new AssertionException($"The {count} runs of schedule {id} did not end.");
    }

    private Task<QueryServiceSchedule> CreateAsync(string sql, string name, string cron = Cron)
        => Client.CreateScheduleAsync(new QueryServiceScheduleRequest(
            new QueryServiceQueryRequest { Sql = sql, Name = name }, new QueryServiceCronSchedule(cron)));
}
