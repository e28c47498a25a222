using QueryServiceOrm.Cli;

namespace QueryServiceOrm.Tests.Cli;

/// <summary>
/// <c>qsorm templates</c> as a process, with the OAuth variables <c>qsorm sandbox env --oauth</c> prints: a template saved
/// with a default, listed, run with a value of the run's own and waited for, then deleted.
/// </summary>
[NonParallelizable]
public sealed class TemplatesCommandTests
{
    private const string Rows = "cli_templates_rows";
    private const string Target = "cli_templates_run";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    private QueryServiceSandbox _sandbox = null!;

    [OneTimeSetUp]
    public async Task CreateRowsAsync()
    {
        _sandbox = await SharedSandbox.GetAsync();
        await _sandbox.ExecuteAdminAsync(
            $"DROP TABLE IF EXISTS {Rows}; CREATE TABLE {Rows} AS SELECT g::bigint AS id FROM generate_series(1, 1000) g");
    }

    [SetUp]
    public Task DropTargetAsync() => _sandbox.ExecuteAdminAsync($"DROP TABLE IF EXISTS {Target}");

    [Test]
    public async Task Templates_create_list_run_with_a_param_and_delete()
    {
        var environment = _sandbox.OAuthEnvironmentVariables();
        var name = "cli " + Guid.NewGuid();
        var sql = $"CREATE TABLE {Target} AS SELECT id FROM {Rows} WHERE id <= $max";

        var (created, id, createErrors) = await Qsorm.RunProcessWithinAsync(
            Limit, environment, "templates", "create", name, sql, "--param", "max=10");
        id = id.Trim();
        var (_, listed, _) = await Qsorm.RunProcessWithinAsync(Limit, environment, "templates", "list", "--name", name);
        var (ran, runOutput, runErrors) = await Qsorm.RunProcessWithinAsync(
            Limit, environment, "templates", "run", id, "--param", "max=250", "--wait");
        var counted = await _sandbox.PsqlAsync($"SELECT count(*) FROM {Target}");
        var (deleted, deleteOutput, deleteErrors) = await Qsorm.RunProcessWithinAsync(Limit, environment, "templates", "delete", id);
        var (_, afterDelete, _) = await Qsorm.RunProcessWithinAsync(Limit, environment, "templates", "list", "--name", name);

        Assert.Multiple(() =>
        {
            Assert.That(created, Is.EqualTo(ExitCodes.Success), createErrors);
            Assert.That(listed, Does.StartWith($"{id}\t{name}\t"));
            Assert.That(ran, Is.EqualTo(ExitCodes.Success), runErrors);
            Assert.That(runOutput.TrimEnd(), Does.EndWith("SUCCESS: 250 rows written."));
            Assert.That(counted[0][0], Is.EqualTo("250"));
            Assert.That(deleted, Is.EqualTo(ExitCodes.Success), deleteErrors);
            Assert.That(deleteOutput.Trim(), Is.EqualTo($"Deleted template {id}."));
            Assert.That(afterDelete, Is.Empty);
        });
    }

    [Test]
    public async Task A_run_missing_a_value_exits_2_with_the_service_message()
    {
        var environment = _sandbox.OAuthEnvironmentVariables();
        var sql = $"CREATE TABLE {Target} AS SELECT id FROM {Rows} WHERE id <= $max";
        var (_, id, _) = await Qsorm.RunProcessWithinAsync(Limit, environment, "templates", "create", "cli no default", sql);

        var (code, _, errors) = await Qsorm.RunProcessWithinAsync(Limit, environment, "templates", "run", id.Trim());

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.ServerError));
            Assert.That(errors, Does.Contain("HTTP 400").And.Contain("no value for $max"));
        });
    }
}
