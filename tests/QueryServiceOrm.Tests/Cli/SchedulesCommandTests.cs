using QueryServiceOrm.Cli;

namespace QueryServiceOrm.Tests.Cli;

/// <summary>
/// <c>qsorm schedules</c> as a process, with the OAuth variables <c>qsorm sandbox env --oauth</c> prints: a schedule
/// created, listed, disabled and enabled, run on demand (psql counts what its runs wrote), its runs listed, and deleted;
/// a bad cron expression refused with the API's message.
/// </summary>
[NonParallelizable]
public sealed class SchedulesCommandTests
{
    private const string Target = "cli_schedules_target";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    private QueryServiceSandbox _sandbox = null!;
    private IReadOnlyDictionary<string, string> _environment = null!;

    [OneTimeSetUp]
    public async Task StartSandboxAsync()
    {
        _sandbox = await SharedSandbox.GetAsync();
        _environment = _sandbox.OAuthEnvironmentVariables();
        await _sandbox.ExecuteAdminAsync($"DROP TABLE IF EXISTS {Target}; CREATE TABLE {Target} (id bigint)");
    }

    [Test]
    public async Task Schedules_create_list_disable_enable_trigger_runs_and_delete_a_scheduled_query()
    {
        var (created, id, createErrors) = await QsormAsync(
            "schedules", "create", "--cron", "0 6 * * MON-FRI", "--name", "cli schedule", $"INSERT INTO {Target} SELECT id FROM range(3)");
        Assert.That(created, Is.EqualTo(ExitCodes.Success), createErrors);
        id = id.Trim();

        var (_, listed, _) = await QsormAsync("schedules", "list", "--limit", "1000");
        var (disabled, _, disableErrors) = await QsormAsync("schedules", "disable", id);
        var (_, listedDisabled, _) = await QsormAsync("schedules", "list", "--limit", "1000");
        var (enabled, _, enableErrors) = await QsormAsync("schedules", "enable", id);
        var (triggered, triggerOutput, triggerErrors) = await QsormAsync("schedules", "trigger", id);
        var runs = await EndedRunsAsync(id);
        await QsormAsync("schedules", "disable", id);
        var (deleted, deleteOutput, deleteErrors) = await QsormAsync("schedules", "delete", id);
        var (_, listedAfter, _) = await QsormAsync("schedules", "list", "--limit", "1000");

        var counted = await _sandbox.PsqlAsync($"SELECT count(*) FROM {Target}");
        Assert.Multiple(() =>
        {
            Assert.That(Line(listed, id), Does.StartWith($"{id}\tENABLED\t0 6 * * MON-FRI\t").And.EndWith("\tcli schedule"));
            Assert.That(disabled, Is.EqualTo(ExitCodes.Success), disableErrors);
            Assert.That(Line(listedDisabled, id), Does.StartWith($"{id}\tDISABLED\t"));
            Assert.That(enabled, Is.EqualTo(ExitCodes.Success), enableErrors);
            Assert.That(triggered, Is.EqualTo(ExitCodes.Success), triggerErrors);
            Assert.That(triggerOutput.Trim(), Is.EqualTo($"Triggered a run of scheduled query {id}."));
            Assert.That(runs, Has.Length.EqualTo(1));
            Assert.That(runs[0].Split('\t')[1..3], Is.EqualTo(new[] { "SUCCESS", "manual" }));
            Assert.That(counted[0][0], Is.EqualTo(3.ToString(CultureInfo.InvariantCulture)), "the run wrote its rows");
            Assert.That(deleted, Is.EqualTo(ExitCodes.Success), deleteErrors);
            Assert.That(deleteOutput.Trim(), Is.EqualTo($"Deleted scheduled query {id}."));
            Assert.That(listedAfter, Does.Not.Contain(id));
        });
    }

    [Test]
    public async Task Schedules_create_with_a_bad_cron_expression_fails_with_the_api_message()
    {
        var (code, output, errors) = await QsormAsync("schedules", "create", "--cron", "every hour", "SELECT 1 AS one");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.ServerError));
            Assert.That(output, Is.Empty);
            Assert.That(errors, Does.Contain("HTTP 400").And.Contain("schedule.schedule 'every hour'").And.Contain("\"30 * * * *\""));
        });
    }

    private static string? Line(string output, string id)
        => output.Split('\n').FirstOrDefault(l => l.StartsWith(id, StringComparison.Ordinal));

    // qsorm schedules runs until the run has ended (every poll a process of its own).
    private async Task<string[]> EndedRunsAsync(string id)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var (code, output, errors) = await QsormAsync("schedules", "runs", id);
            Assert.That(code, Is.EqualTo(ExitCodes.Success), errors);
            var runs = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (runs.Length > 0 && runs.All(r => r.Split('\t')[1] is "SUCCESS" or "FAILED" or "KILLED"))
            {
                return runs;
            }

            await Task.Delay(250);
        }

        throw new AssertionException($"The run of schedule {id} did not end.");
    }

    private Task<Qsorm.Result> QsormAsync(params string[] args) => Qsorm.RunProcessWithinAsync(Limit, _environment, args);
}
