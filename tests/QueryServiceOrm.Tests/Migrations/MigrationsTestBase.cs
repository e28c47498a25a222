namespace QueryServiceOrm.Tests.Migrations;

/// <summary>Migration tests share the run's sandbox: every table and schema they make is dropped before and after each test.</summary>
public abstract class MigrationsTestBase
{
    private const string Cleanup =
        "DROP TABLE IF EXISTS mg_events, mg_profiles, mg_page_report, mg_top_pages, mg_refused_report, mg_keyed, ef_migrations_history, "
        + "mg_history; "
        + "DROP SCHEMA IF EXISTS mg_reporting CASCADE";

    protected QueryServiceSandbox Sandbox { get; private set; } = null!;

    [SetUp]
    public async Task Clean()
    {
        Sandbox = await XdmData.SeedAsync();
        await Sandbox.ExecuteAdminAsync(Cleanup);
    }

    [TearDown]
    public Task Drop() => Sandbox.ExecuteAdminAsync(Cleanup);
}
