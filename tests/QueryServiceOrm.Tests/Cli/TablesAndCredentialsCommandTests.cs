using System.Text.Json;
using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Tests.Cli;

/// <summary><c>qsorm credentials set|show|test</c> and <c>qsorm tables</c>, in-process and as a process.</summary>
[NonParallelizable]
public sealed class TablesAndCredentialsCommandTests
{
    private QueryServiceSandbox _sandbox = null!;
    private QsormHome _home = null!;

    [SetUp]
    public async Task Seed()
    {
        _sandbox = await XdmData.SeedAsync();
        _home = new QsormHome();
    }

    [TearDown]
    public void RemoveHome() => _home.Dispose();

    private Task<Qsorm.Result> RunAsync(string? input, params string[] args) => _home.RunAsync(input, args);

    private Task<Qsorm.Result> SetProfileAsync(string name, int port) => _home.SetProfileAsync(_sandbox, name, port);

    [Test]
    public async Task A_profile_is_stored_privately_shown_without_its_secret_and_tested()
    {
        var set = await SetProfileAsync("local", _sandbox.Port);
        var show = await RunAsync(null, "credentials", "show", "--profile", "local");
        var test = await RunAsync(null, "credentials", "test", "--profile", "local");
        Assert.Multiple(() =>
        {
            Assert.That(set.Code, Is.Zero, set.Errors);
            Assert.That(
                File.GetUnixFileMode(Path.Combine(_home.Directory, "local.json")),
                Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(show.Code, Is.Zero, show.Errors);
            Assert.That(show.Output, Does.Contain(_sandbox.Host).And.Not.Contain(_sandbox.Password));
            Assert.That(test.Code, Is.Zero, test.Errors);
            Assert.That(
                test.Output,
                Does.Contain("over TLS (version not reported).").And.Contain("Server version: 0.1.0.").And.Contain("Round trip:"));
            Assert.That(
                set.Output + show.Output + test.Output + set.Errors + show.Errors + test.Errors, Does.Not.Contain(_sandbox.Password));
        });
    }

    [Test]
    public async Task Tables_are_listed_as_lines_or_json()
    {
        await SetProfileAsync("local", _sandbox.Port);
        var lines = await RunAsync(null, "tables", "--profile", "local");
        var json = await RunAsync(null, "tables", "--profile", "local", "--json");
        var names = JsonSerializer.Deserialize<string[]>(json.Output)!;
        Assert.Multiple(() =>
        {
            Assert.That(lines.Code, Is.Zero, lines.Errors);
            Assert.That(
                lines.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries),
                Does.Contain(XdmSampleData.TablesFor(XdmSampleData.DefaultPrefix).Events));
            Assert.That(names, Is.EqualTo(lines.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        });
    }

    [Test]
    public async Task A_password_on_the_command_line_is_refused_and_a_closed_port_is_a_server_error()
    {
        var noStdin = await RunAsync(null, "credentials", "set", "--host", "h", "--user", "u@AdobeOrg");
        await SetProfileAsync("closed", 1);
        var closed = await RunAsync(null, "credentials", "test", "--profile", "closed");
        var missing = await RunAsync(null, "tables", "--profile", "nobody");
        Assert.Multiple(() =>
        {
            Assert.That(noStdin.Code, Is.EqualTo(1));
            Assert.That(noStdin.Errors, Does.Contain("--password-stdin"));
            Assert.That(closed.Code, Is.EqualTo(2));
            Assert.That(closed.Errors, Does.Contain("Check the host, port"));
            Assert.That(missing.Code, Is.EqualTo(1));
            Assert.That(missing.Errors, Does.Contain("no profile named 'nobody'"));
        });
    }

    [Test]
    public async Task As_a_process_tables_reads_the_environment()
    {
        var result = await Qsorm.RunProcessAsync(_sandbox.EnvironmentVariables(), "tables", "--json");
        Assert.That(result.Code, Is.Zero, result.Errors);
        Assert.That(
            JsonSerializer.Deserialize<string[]>(result.Output), Does.Contain(XdmSampleData.TablesFor(XdmSampleData.DefaultPrefix).Flat));
    }
}
