namespace QueryServiceOrm.Tests.Cli;

/// <summary>
/// Each command as a real process (<c>dotnet qsorm.dll</c>), the way a shell runs it: arguments, standard input, exit
/// codes and messages, for success and for wrong arguments, a stopped sandbox, bad credentials and a closed port.
/// </summary>
[NonParallelizable]
public sealed class QsormProcessTests
{
    private QueryServiceSandbox _sandbox = null!;
    private string _home = "";

    [SetUp]
    public async Task Seed()
    {
        _sandbox = await XdmData.SeedAsync();
        _home = Path.Combine(Path.GetTempPath(), "qsorm-process-home-" + Guid.NewGuid().ToString("N")[..8]);
    }

    [TearDown]
    public void RemoveHome()
    {
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }

    private Dictionary<string, string> Home => new() { ["QSORM_CONFIG_HOME"] = _home };

    private Task<Qsorm.Result> SetProfileAsync(string name, int port, string password)
        => Qsorm.RunProcessWithInputAsync(
            Home, password, "credentials", "set", "--profile", name, "--host", _sandbox.Host, "--port",
            port.ToString(CultureInfo.InvariantCulture),
            "--database", _sandbox.Database, "--user", _sandbox.Username, "--password-stdin");

    [Test]
    public async Task Credentials_set_show_and_test_then_tables_and_query_with_the_profile()
    {
        var set = await SetProfileAsync("local", _sandbox.Port, _sandbox.Password);
        var show = await Qsorm.RunProcessAsync(Home, "credentials", "show", "--profile", "local");
        var test = await Qsorm.RunProcessAsync(Home, "credentials", "test", "--profile", "local");
        var tables = await Qsorm.RunProcessAsync(Home, "tables", "--profile", "local");
        var query = await Qsorm.RunProcessAsync(
            Home, "query", "SELECT count(*) AS n FROM xdm_flat", "--profile", "local", "--format", "csv");
        var expected = (await _sandbox.PsqlAsync("SELECT count(*) FROM xdm_flat"))[0][0];
        Assert.Multiple(() =>
        {
            Assert.That(set.Code, Is.Zero, set.Errors);
            Assert.That(show.Code, Is.Zero, show.Errors);
            Assert.That(test.Code, Is.Zero, test.Errors);
            // The front, like the service, keeps pg_stat_ssl to itself; TLS itself is checked in TransportSecurityTests.
            Assert.That(test.Output, Does.Contain("over TLS (version not reported)."));
            Assert.That(
                tables.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries),
                Is.SupersetOf(new[] { "xdm_events", "xdm_flat", "xdm_profiles" }));
            Assert.That(query.Output, Is.EqualTo($"n\n{expected}\n"));
            var everything = string.Concat(new[] { set, show, test, tables, query }.Select(r => r.Output + r.Errors));
            Assert.That(everything, Does.Not.Contain(_sandbox.Password), "no secret printed");
        });
    }

    [Test]
    public async Task Wrong_arguments_a_stopped_sandbox_bad_credentials_and_a_closed_port()
    {
        var wrong = await Qsorm.RunProcessAsync(Home, "tables", "--bogus");
        var noCommand = await Qsorm.RunProcessAsync(Home, "frobnicate");
        var stopped = await Qsorm.RunProcessAsync(Home, "sandbox", "seed");
        var status = await Qsorm.RunProcessAsync(Home, "sandbox", "status");
        var stoppedProfile = await Qsorm.RunProcessAsync(Home, "tables", "--profile", "sandbox");
        await SetProfileAsync("wrong", _sandbox.Port, "not-the-password");
        var refused = await Qsorm.RunProcessAsync(Home, "tables", "--profile", "wrong");
        await SetProfileAsync("closed", 1, _sandbox.Password);
        var closed = await Qsorm.RunProcessAsync(Home, "query", "SELECT 1", "--profile", "closed");
        var badSql = await Qsorm.RunProcessAsync(_sandbox.EnvironmentVariables(), "query", "SELEC 1");
        Assert.Multiple(() =>
        {
            Assert.That((wrong.Code, noCommand.Code), Is.EqualTo((1, 1)));
            Assert.That(wrong.Errors, Does.Contain("--bogus").And.Contain("qsorm --help"));
            Assert.That(noCommand.Errors, Does.Contain("frobnicate").And.Contain("qsorm --help"));
            Assert.That(stopped.Code, Is.EqualTo(1));
            Assert.That(stopped.Errors, Does.Contain("No sandbox is running: start one with 'qsorm sandbox start'."));
            Assert.That((status.Code, status.Output), Is.EqualTo((3, "Not running: start it with 'qsorm sandbox start'.\n")));
            Assert.That(stoppedProfile.Code, Is.EqualTo(1));
            Assert.That(stoppedProfile.Errors, Does.Contain("The sandbox is not running").And.Contain("qsorm sandbox start"));
            Assert.That(refused.Code, Is.EqualTo(1));
            Assert.That(refused.Errors, Does.Contain("the server refused the credentials").And.Contain("Check the user name"));
            Assert.That(closed.Code, Is.EqualTo(2));
            Assert.That(closed.Errors, Does.Contain("Check the host, port and credentials, and that the sandbox is running."));
            Assert.That(badSql.Code, Is.EqualTo(2));
            Assert.That(badSql.Errors, Does.Contain("SQLSTATE 42601").And.Contain("Check the SQL"));
        });
    }
}
