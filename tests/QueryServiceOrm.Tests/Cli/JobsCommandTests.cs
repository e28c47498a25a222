using QueryServiceOrm.Cli;

namespace QueryServiceOrm.Tests.Cli;

/// <summary>
/// <c>qsorm jobs</c> as a process, with the OAuth variables <c>qsorm sandbox env --oauth</c> prints: a CTAS over a million
/// rows submitted and waited for, and a long job cancelled with <c>jobs cancel</c>.
/// </summary>
[NonParallelizable]
public sealed class JobsCommandTests
{
    private const string Ctas = "cli_jobs_ctas";
    private const string Cancelled = "cli_jobs_cancelled";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    private QueryServiceSandbox _sandbox = null!;

    // qsorm's first polls (after 1 s, then 2 s more) see both 2 s SUBMITTED and 2 s IN_PROGRESS.
    [OneTimeSetUp]
    public async Task StartSandboxAsync() => _sandbox = await JobSourceContext.StartSandboxAsync(TimeSpan.FromSeconds(2));

    [OneTimeTearDown]
    public async Task StopSandboxAsync() => await _sandbox.DisposeAsync();

    [SetUp]
    public Task DropTargetsAsync() => _sandbox.ExecuteAdminAsync($"DROP TABLE IF EXISTS {Ctas}, {Cancelled}");

    [Test]
    public async Task Submit_with_wait_runs_a_million_row_ctas_through_its_states_and_psql_counts_its_rows()
    {
        var (code, output, errors) = await Qsorm.RunProcessWithinAsync(
            Limit,
            _sandbox.OAuthEnvironmentVariables(),
            "jobs",
            "submit",
            "--ctas",
            Ctas,
            "--wait",
            $"SELECT * FROM {JobSourceContext.Source}");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var states = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]).ToList();
        var counted = await _sandbox.PsqlAsync($"SELECT count(*) FROM {Ctas}");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), errors);
            Assert.That(Guid.TryParse(lines[0], out _), Is.True, "the job's id comes first: " + output);
            Assert.That(states, Is.EqualTo(new[] { "SUBMITTED", "IN_PROGRESS", "SUCCESS" }));
            Assert.That(lines[^1], Is.EqualTo("SUCCESS: 1,000,000 rows written."));
            Assert.That(counted[0][0], Is.EqualTo(JobSourceContext.SourceRows.ToString(CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public async Task Jobs_cancel_stops_a_running_job_its_backend_statement_and_its_table()
    {
        var environment = _sandbox.OAuthEnvironmentVariables();
        // Every row against every other: a statement that runs until it is stopped.
        var (submitted, id, submitErrors) = await Qsorm.RunProcessWithinAsync(
            Limit,
            environment,
            "jobs",
            "submit",
            $"CREATE TABLE {Cancelled} AS SELECT count(*) AS n FROM {JobSourceContext.Source} a CROSS JOIN {JobSourceContext.Source} b");
        Assert.That(submitted, Is.EqualTo(ExitCodes.Success), submitErrors);
        id = id.Trim();
        await JobSessions.RunningAsync(_sandbox, id);

        var (cancelled, _, cancelErrors) = await Qsorm.RunProcessWithinAsync(Limit, environment, "jobs", "cancel", id);
        var (waited, _, waitErrors) = await Qsorm.RunProcessWithinAsync(Limit, environment, "jobs", "wait", id);
        var (_, status, _) = await Qsorm.RunProcessWithinAsync(Limit, environment, "jobs", "status", id);
        var (_, killed, _) = await Qsorm.RunProcessWithinAsync(Limit, environment, "jobs", "list", "--state", "killed");

        var sessions = await JobSessions.LeftAsync(_sandbox, id);
        var table = await _sandbox.PsqlAsync($"SELECT to_regclass('{Cancelled}') IS NULL");
        Assert.Multiple(() =>
        {
            Assert.That(cancelled, Is.EqualTo(ExitCodes.Success), cancelErrors);
            Assert.That(waited, Is.EqualTo(ExitCodes.ServerError));
            Assert.That(waitErrors, Does.Contain($"Query {id} was cancelled (KILLED)"));
            Assert.That(status, Does.StartWith($"{id}\tKILLED\t"));
            Assert.That(killed, Does.Contain(id));
            Assert.That(sessions, Is.Zero, "the job's backend session is gone from pg_stat_activity");
            Assert.That(table[0][0], Is.EqualTo("t"), "the CTAS target was not created");
        });
    }

    [Test]
    public async Task Submit_takes_the_statement_from_a_file_or_sql_option_and_refuses_it_twice_or_missing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"qsorm-job-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(file, $"CREATE TABLE {Ctas}_from_file AS SELECT * FROM {JobSourceContext.Source} WHERE Id <= 3");
        try
        {
            var environment = _sandbox.OAuthEnvironmentVariables();
            var (fromFile, fileOutput, fileErrors) = await Qsorm.RunProcessWithinAsync(
                Limit, environment, "jobs", "submit", "--file", file, "--wait");
            var (fromOption, _, optionErrors) = await Qsorm.RunProcessWithinAsync(
                Limit, environment, "jobs", "submit", "--sql", $"SELECT * FROM {JobSourceContext.Source} WHERE Id <= 2",
                "--ctas", Ctas + "_from_option", "--wait");
            var (twice, _, twiceErrors) = await Qsorm.RunProcessWithinAsync(
                Limit, environment, "jobs", "submit", "SELECT 1", "--sql", "SELECT 2");
            var (missing, _, missingErrors) = await Qsorm.RunProcessWithinAsync(
                Limit, environment, "jobs", "submit", "--file", file + ".missing");

            var counted = await _sandbox.PsqlAsync(
                $"SELECT (SELECT count(*) FROM {Ctas}_from_file), (SELECT count(*) FROM {Ctas}_from_option)");
            Assert.Multiple(() =>
            {
                Assert.That(fromFile, Is.EqualTo(ExitCodes.Success), fileErrors);
                Assert.That(fileOutput, Does.Contain("SUCCESS"));
                Assert.That(fromOption, Is.EqualTo(ExitCodes.Success), optionErrors);
                Assert.That(counted[0], Is.EqualTo(new[] { "3", "2" }));
                Assert.That(twice, Is.Not.EqualTo(ExitCodes.Success));
                Assert.That(twiceErrors, Does.Contain("Give the statement once"));
                Assert.That(missing, Is.Not.EqualTo(ExitCodes.Success));
                Assert.That(missingErrors, Does.Contain("No file at"));
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Jobs_refuse_password_credentials_and_say_what_to_configure()
    {
        var (code, _, errors) = await Qsorm.RunProcessWithinAsync(Limit, _sandbox.EnvironmentVariables(), "jobs", "list");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UserError));
            Assert.That(errors, Does.Contain("ClientId").And.Contain("QueryService__ClientId"));
            Assert.That(errors, Does.Contain("eval \"$(qsorm sandbox env --oauth)\""), "how the sandbox offers OAuth");
        });
    }
}
