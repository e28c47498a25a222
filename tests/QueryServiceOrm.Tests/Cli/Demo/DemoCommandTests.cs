using System.Text.Json;
using System.Text.RegularExpressions;

namespace QueryServiceOrm.Tests.Cli.Demo;

/// <summary>
/// <c>qsorm demo</c>: every step on a sandbox it starts (and stops), its printed rows checked against the server with
/// psql, in-process and as a process; and each way it can fail, with its exit code and message.
/// </summary>
[NonParallelizable]
public sealed class DemoCommandTests
{
    // A regular expression, since a culture-aware "contains" ignores control characters.
    private const string Escape = @"\x1b";

    private string _home = "";
    private readonly List<string> _kept = [];

    [SetUp]
    public void Home() => _home = Path.Combine(Path.GetTempPath(), "qsorm-demo-home-" + Guid.NewGuid().ToString("N")[..8]);

    [TearDown]
    public async Task StopAndRemove()
    {
        await RunAsync(null, "sandbox", "stop");
        foreach (var directory in _kept.Append(_home).Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private Dictionary<string, string> Environment => new() { ["QSORM_CONFIG_HOME"] = _home };

    private Task<Qsorm.Result> RunAsync(string? input, params string[] args) => Qsorm.RunAsync(Environment, input, args);

    private static string[] DemoProjects()
        => Directory.GetDirectories(Path.GetTempPath(), "qsorm-demo-*")
            .Where(d => !d.Contains("-home-", StringComparison.Ordinal))
            .ToArray();

    [Test]
    public async Task The_demo_starts_a_sandbox_and_shows_tables_classes_and_every_steps_sql_and_rows_then_cleans_up()
    {
        var before = DemoProjects();
        var demo = await RunAsync(null, "demo", "--rows", "100");
        var status = await RunAsync(null, "sandbox", "status");
        Assert.Multiple(() =>
        {
            Assert.That(demo.Code, Is.Zero, demo.Errors);
            Assert.That(demo.Output, Does.Contain("| xdm_events ").And.Contain("| xdm_flat ").And.Contain("| xdm_profiles "));
            Assert.That(
                demo.Output, Does.Contain("| XdmDatasets ").And.Contain("| ProductListItem ").And.Contain("| Model/WebPageDetails.cs "));
            Assert.That(demo.Output, Does.Match(@"Built in \d+\.\d\d s\."));
            Assert.That(demo.Output, Does.Contain("JOIN LATERAL (SELECT explode(x.productListItems) AS value) AS p ON TRUE"));
            Assert.That(demo.Output, Does.Contain("INSERT INTO xdm_flat (_id, browserName").And.Contain("FROM (VALUES ("));
            Assert.That(demo.Output, Does.Contain("INSERT INTO xdm_flat (_id, `timestamp`,"));
            Assert.That(demo.Output, Does.Contain("CREATE TABLE demo_event_report AS"));
            Assert.That(demo.Output, Does.Not.Contain("QueryServiceOrm:Write"), "the write tag is not shown as SQL");
            Assert.That(Regex.IsMatch(demo.Output, @"\| evt-\d{8} +\| [0-9T:.-]+Z +\| Home +\| Firefox +\|"), demo.Output);
            Assert.That(Regex.IsMatch(demo.Output, @"\| demo-3 +\| Demo page 3 +\| 2026-01-03T12:00:00Z +\|"), demo.Output);
            Assert.That(demo.Output + demo.Errors, Does.Not.Match(Escape), "not a terminal: no escape sequences");
            Assert.That(demo.Output, Does.Not.Contain("┌"), "not a terminal: ASCII borders");
            Assert.That(status.Output, Does.StartWith("Not running"), "the demo stops the sandbox it started");
            Assert.That(DemoProjects().Except(before), Is.Empty, "the temporary project is deleted");
        });
    }

    [Test]
    public async Task Kept_the_demos_rows_are_the_servers_rows_and_its_project_holds_the_credentials_privately()
    {
        var demo = await RunAsync(null, "demo", "--rows", "60", "--keep");
        Assert.That(demo.Code, Is.Zero, demo.Errors);
        var project = Regex.Match(demo.Output, @"The project is kept in (\S+);").Groups[1].Value;
        _kept.Add(project);
        var state = JsonSerializer.Deserialize<QueryServiceSandboxState>(
            await File.ReadAllTextAsync(Path.Combine(_home, "sandbox-state.json")))!;
        var sandbox = QueryServiceSandbox.Attach(state);

        var report = await sandbox.PsqlAsync("SELECT \"EventType\", \"Events\" FROM demo_event_report");
        var products = await sandbox.PsqlAsync(
            "SELECT p.name, sum(p.quantity) FROM xdm_events, unnest(\"productListItems\") AS p GROUP BY p.name ORDER BY 2 DESC LIMIT 5");
        var flat = await sandbox.PsqlAsync("SELECT count(*) FROM xdm_flat");
        var appended = await sandbox.PsqlAsync("SELECT _id, \"pageName\" FROM xdm_flat WHERE \"browserName\" = 'qsorm' ORDER BY _id");
        Assert.Multiple(() =>
        {
            Assert.That(report, Has.Count.EqualTo(4));
            foreach (var row in report)
            {
                Assert.That(Regex.IsMatch(demo.Output, $@"\| {Regex.Escape(row[0]!)} +\| {row[1]} +\|"), $"report row {row[0]} {row[1]}");
            }

            Assert.That(products, Is.Not.Empty);
            foreach (var row in products)
            {
                Assert.That(demo.Output, Does.Match($@"\| {Regex.Escape(row[0]!)} +\| {row[1]} +\|"), $"product {row[0]}");
            }

            Assert.That(demo.Output, Does.Match($@"\| xdm_flat +\| {flat[0][0]} +\|"));
            Assert.That(
                appended.Select(r => r[0] + " " + r[1]),
                Is.EqualTo(new[] { "demo-1 Demo page 1", "demo-2 Demo page 2", "demo-3 Demo page 3" }));
            Assert.That(File.Exists(Path.Combine(project, "Model", "XdmEvents.cs")), Is.True);
            Assert.That(
                File.GetUnixFileMode(Path.Combine(project, "appsettings.json")),
                Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(
                demo.Output + demo.Errors,
                Does.Not.Contain(sandbox.State.BackendPassword).And.Not.Contain(state.BackendPassword),
                "no secret printed");
        });
    }

    [Test]
    public async Task As_a_process_the_demo_prints_plain_ascii_each_steps_time_numbers_as_numbers_and_objects_by_xdm_names()
    {
        var demo = await Qsorm.RunProcessAsync(Environment, "demo", "--rows", "60", "--keep");
        Assert.That(demo.Code, Is.Zero, demo.Errors);
        _kept.Add(Regex.Match(demo.Output, @"The project is kept in (\S+);").Groups[1].Value);
        var state = JsonSerializer.Deserialize<QueryServiceSandboxState>(
            await File.ReadAllTextAsync(Path.Combine(_home, "sandbox-state.json")))!;
        var sandbox = QueryServiceSandbox.Attach(state);

        // The revenues are sums of doubles, so the server's own sum has binary noise: rounded to the cents the prices have.
        var products = await sandbox.PsqlAsync(
            "SELECT p.name, sum(p.quantity), trim_scale(round(sum(p.\"priceTotal\")::numeric, 2)) FROM xdm_events, "
            + "unnest(\"productListItems\") AS p GROUP BY p.name ORDER BY 2 DESC LIMIT 5");
        var report = await sandbox.PsqlAsync(
            "SELECT \"EventType\", \"Events\", trim_scale(round(\"Revenue\"::numeric, 2)) FROM demo_event_report");
        var orders = await sandbox.PsqlAsync(
            "SELECT _id, (commerce).\"order\".\"purchaseID\" FROM xdm_events WHERE (commerce).\"order\" IS NOT NULL AND "
            + "\"productListItems\" IS NOT NULL ORDER BY (commerce).\"order\".\"priceTotal\" DESC NULLS LAST LIMIT 3");
        Assert.Multiple(() =>
        {
            Assert.That(demo.Output, Does.Contain("| XdmEvents ").And.Contain("CTAS: a report table").And.Contain("| commerce.purchases "));
            Assert.That(demo.Output + demo.Errors, Does.Not.Match(Escape));
            Assert.That((demo.Output + demo.Errors).Where(c => c > 127), Is.Empty, "piped: plain ASCII");
            foreach (var step in new[] { "Ready", "3 tables", "21 files", "Built" })
            {
                Assert.That(demo.Output, Does.Match($@"\n{step} in \d+\.\d\d s\.\n"), step);
            }

            Assert.That(Regex.Matches(demo.Output, @"\n\d+ rows? in \d+\.\d\d s\.\n"), Has.Count.EqualTo(6), "each step of the program");
            Assert.That(products, Is.Not.Empty);
            foreach (var row in products.Concat(report))
            {
                Assert.That(
                    demo.Output,
                    Does.Match($@"\| {Regex.Escape(row[0]!)} +\| {row[1]} +\| {Regex.Escape(row[2]!)} +\|"),
                    $"{row[0]}: {row[2]}");
            }

            Assert.That(orders, Has.Count.EqualTo(3));
            foreach (var row in orders)
            {
                Assert.That(
                    demo.Output,
                    Does.Contain($"| {row[0]} | {{\"purchaseID\":\"{row[1]}\",\"priceTotal\":"),
                    $"order of {row[0]} by its XDM field names");
            }
        });
    }

    [Test]
    public async Task A_profile_whose_server_lacks_the_sample_tables_or_refuses_its_password_is_a_user_error()
    {
        var start = await RunAsync(null, "sandbox", "start", "--empty");
        Assert.That(start.Code, Is.Zero, start.Errors);
        var state = JsonSerializer.Deserialize<QueryServiceSandboxState>(
            await File.ReadAllTextAsync(Path.Combine(_home, "sandbox-state.json")))!;
        var bare = await RunAsync(null, "demo", "--profile", "sandbox");
        await RunAsync(
            "not-the-password", "credentials", "set", "--profile", "wrong", "--host", "127.0.0.1", "--port",
            state.Port.ToString(CultureInfo.InvariantCulture),
            "--database", state.Database, "--user", state.OrganizationId + "@AdobeOrg", "--password-stdin");
        var refused = await RunAsync(null, "demo", "--profile", "wrong");
        Assert.Multiple(() =>
        {
            Assert.That(bare.Code, Is.EqualTo(1));
            Assert.That(
                bare.Errors,
                Does.Contain("profile 'sandbox' has no xdm_events, xdm_profiles, xdm_flat: run 'qsorm demo' without --profile"));
            Assert.That(refused.Code, Is.EqualTo(1));
            Assert.That(refused.Errors, Does.Contain("the server refused the credentials").And.Contain("renew the token"));
        });
    }

    [Test]
    public async Task Wrong_arguments_a_missing_profile_and_a_closed_port_each_have_their_exit_code_and_advice()
    {
        var unknownOption = await RunAsync(null, "demo", "--bogus");
        var rows = await RunAsync(null, "demo", "--rows", "-1");
        var missing = await RunAsync(null, "demo", "--profile", "nosuch");
        await RunAsync(
            "secret", "credentials", "set", "--profile", "closed", "--host", "127.0.0.1", "--port", "1", "--user", "ORG@AdobeOrg",
            "--password-stdin");
        var closed = await RunAsync(null, "demo", "--profile", "closed");
        Assert.Multiple(() =>
        {
            Assert.That(unknownOption.Code, Is.EqualTo(1));
            Assert.That(unknownOption.Errors, Does.Contain("--bogus").And.Contain("qsorm --help"));
            Assert.That(rows.Code, Is.EqualTo(1));
            Assert.That(rows.Errors, Does.Contain("--rows must be between 0 and 10,000,000"));
            Assert.That(missing.Code, Is.EqualTo(1));
            Assert.That(missing.Errors, Does.Contain("There is no profile named 'nosuch'"));
            Assert.That(closed.Code, Is.EqualTo(2));
            Assert.That(closed.Errors, Does.Contain("Check the host, port and credentials"));
        });
    }
}
