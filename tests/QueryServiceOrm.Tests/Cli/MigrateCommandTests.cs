namespace QueryServiceOrm.Tests.Cli;

/// <summary>
/// <c>qsorm migrate</c> on the Reporting sample's assembly, in-process and as a process: listing, applying up to a
/// target then the rest, nothing left to apply, the script without a connection; and its errors with their exit codes.
/// </summary>
[NonParallelizable]
public sealed class MigrateCommandTests
{
    private static string Reporting => RepositoryPaths.Sample("Reporting");

    [Test]
    public async Task Migrations_are_listed_applied_up_to_a_target_then_the_rest_and_then_nothing()
    {
        await using var home = await SandboxHome.StartAsync(rows: 20);
        var before = await home.RunAsync("migrate", "--assembly", Reporting, "--list", "--profile", "sandbox");
        var toRevenue = await home.RunAsync("migrate", "--assembly", Reporting, "--target", "AddRevenue", "--profile", "sandbox");
        var rest = await Qsorm.RunProcessAsync(home.Environment, "migrate", "-a", Reporting, "--profile", "sandbox");
        var nothing = await home.RunAsync("migrate", "--assembly", Reporting, "--profile", "sandbox");
        var after = await Qsorm.RunProcessAsync(home.Environment, "migrate", "--assembly", Reporting, "--list", "--profile", "sandbox");
        Assert.Multiple(async () =>
        {
            Assert.That(
                before.Output,
                Is.EqualTo(
                    "20261101000001_CreatePageViewSummary pending\n20261101000002_AddRevenue pending\n20261101000003_CreateTopPages "
                    + "pending\n"),
                before.Errors);
            Assert.That(
                toRevenue.Output,
                Is.EqualTo("Applied 20261101000001_CreatePageViewSummary\nApplied 20261101000002_AddRevenue\n2 migration(s) applied.\n"),
                toRevenue.Errors);
            Assert.That(rest.Output, Is.EqualTo("Applied 20261101000003_CreateTopPages\n1 migration(s) applied.\n"), rest.Errors);
            Assert.That(nothing.Output, Is.EqualTo("Nothing to apply: the database is up to date.\n"));
            Assert.That(after.Output, Does.Contain("20261101000003_CreateTopPages applied"));
            Assert.That(await home.Sandbox.PsqlAsync("SELECT count(*) FROM ef_migrations_history"), Is.EqualTo(new[] { new[] { "3" } }));
        });
    }

    [Test]
    public async Task A_history_table_set_by_the_application_is_named_with_history_table()
    {
        await using var home = await SandboxHome.StartAsync(rows: 20);
        var migrate = await home.RunAsync(
            "migrate", "--assembly", Reporting, "--history-table", "reporting_history", "--profile", "sandbox");
        Assert.Multiple(async () =>
        {
            Assert.That(migrate.Code, Is.Zero, migrate.Errors);
            Assert.That(
                await home.Sandbox.PsqlAsync("SELECT count(*), to_regclass('ef_migrations_history') IS NULL FROM reporting_history"),
                Is.EqualTo(new[] { new[] { "3", "t" } }));
        });
    }

    [Test]
    public async Task The_script_needs_no_connection_and_follows_the_service_dialect()
    {
        // The service's dialect, and a host nothing listens on: the script is written without connecting.
        var environment = new Dictionary<string, string>
        {
            ["QueryService__Host"] = "example.platform-query.adobe.io", ["QueryService__Username"] = "ORG@AdobeOrg",
            ["QueryService__Password"] = "token",
        };
        var script = await Qsorm.RunAsync(environment, null, "migrate", "--assembly", Reporting, "--script");
        Assert.Multiple(() =>
        {
            Assert.That(script.Code, Is.Zero, script.Errors);
            Assert.That(
                script.Output,
                Does.Contain(
                    "CREATE TABLE IF NOT EXISTS page_view_summary (Day date, Page text, Views bigint, Device ROW(type text, os text));"));
            Assert.That(script.Output, Does.Contain("ALTER TABLE page_view_summary ADD COLUMN Revenue double;"));
            Assert.That(
                script.Output,
                Does.Contain("INSERT INTO ef_migrations_history (MigrationId, ProductVersion) SELECT '20261101000003_CreateTopPages'"));
        });
    }

    [Test]
    public async Task Errors_have_their_exit_codes_and_say_what_to_do()
    {
        var tests = Path.Combine(TestContext.CurrentContext.TestDirectory, "QueryServiceOrm.Tests.dll");
        var sandbox = await XdmData.SeedAsync();
        var environment = new Dictionary<string, string>(sandbox.EnvironmentVariables());
        var closed = new Dictionary<string, string>(environment) { ["QueryService__Port"] = "1" };
        var missing = await Qsorm.RunAsync(environment, null, "migrate", "--assembly", "/nowhere/App.dll");
        var several = await Qsorm.RunAsync(environment, null, "migrate", "--assembly", tests);
        var unknown = await Qsorm.RunAsync(environment, null, "migrate", "--assembly", Reporting, "--context", "Nope");
        var both = await Qsorm.RunAsync(environment, null, "migrate", "--assembly", Reporting, "--list", "--script");
        var refused = await Qsorm.RunAsync(environment, null, "migrate", "--assembly", tests, "--context", "RefusedMigrationsContext");
        var typo = await Qsorm.RunAsync(environment, null, "migrate", "--assembly", Reporting, "--target", "AddRevenu");
        var unreachable = await Qsorm.RunProcessAsync(closed, "migrate", "--assembly", Reporting);
        Assert.Multiple(() =>
        {
            Assert.That(
                (missing.Code, several.Code, unknown.Code, both.Code, refused.Code, unreachable.Code), Is.EqualTo((1, 1, 1, 1, 1, 2)));
            Assert.That(typo.Code, Is.EqualTo(1));
            Assert.That(typo.Errors, Does.Contain("ReportingContext has no migration named AddRevenu: 'qsorm migrate --list' shows them."));
            Assert.That(missing.Errors, Does.Contain("build the project first"));
            Assert.That(several.Errors, Does.Contain("several DbContexts").And.Contain("choose one with --context"));
            Assert.That(unknown.Errors, Does.Contain("has no DbContext named Nope; it has: ReportingContext"));
            Assert.That(both.Errors, Does.Contain("--list and --script cannot be used together"));
            Assert.That(refused.Errors, Does.Contain("RenameColumn (mg_refused_report.Views) in migration 20261122000002_RenameViews"));
            Assert.That(unreachable.Errors, Does.Contain("Check the host, port and credentials"));
        });
    }
}
