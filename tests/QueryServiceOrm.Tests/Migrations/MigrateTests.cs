using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Migrations;
using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Tests.Migrations;

/// <summary>
/// MigrateAsync against the stand-in: the tables in the service's shapes (checked with psql), the history appended, no
/// transaction, lock or DO block sent, a second run a no-op; refused and reverting migrations stop before anything
/// changes; the service's script matches its baseline and the documented grammar.
/// </summary>
[NonParallelizable]
public sealed class MigrateTests : MigrationsTestBase
{
    private const string Application = "migrations";
    private static readonly string[] Applied = [
        "20261122000001_CreateReporting", "20261122000002_AddBrowser", "20261122000003_TopPages", "20261122000004_Nothing"];

    internal static TContext Open<TContext>(QueryServiceSandbox sandbox)
        where TContext : DbContext
        => new QueryServiceDbContextFactory<TContext>(sandbox.Credentials(), o => o.ApplicationName(Application)).CreateDbContext();

    // The statements as the front received them, which is what the service would.
    private IReadOnlyList<string> Statements() => FrontLog.Statements(Sandbox, Application);

    [Test]
    public async Task Migrations_create_the_services_shapes_append_the_history_without_transactions_and_a_second_run_changes_nothing()
    {
        var before = Statements().Count;
        await using (var db = Open<ReportingMigrationsContext>(Sandbox))
        {
            await db.Database.MigrateAsync(Applied[0]);
            await using var sample = Open<XdmSampleContext>(Sandbox);
            await db.AppendAsync(await sample.Events.AsNoTracking().OrderBy(e => e.Id).Take(60).ToListAsync());
            await db.Database.MigrateAsync();
        }

        var first = Statements().Skip(before).ToList();
        var beforeSecond = Statements().Count;
        await using (var db = Open<ReportingMigrationsContext>(Sandbox))
        {
            await db.Database.MigrateAsync();
        }

        var second = Statements().Skip(beforeSecond).ToList();
        var sampleTables = XdmSampleData.TablesFor(XdmSampleData.DefaultPrefix);
        var eventsShape = (await TableShape.ReadAsync(Sandbox, sampleTables.Events))
            .Where(r => r[0] != "identityMap")
            .Select(TableShape.AsDeclared)
            .ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(
                await TableShape.ReadAsync(Sandbox, "mg_events"),
                Is.EqualTo(eventsShape).And.Count.GreaterThan(20),
                "ROW and ARRAY columns");
            Assert.That(
                await TableShape.ReadAsync(Sandbox, "mg_profiles"),
                Is.EqualTo(await TableShape.ReadAsync(Sandbox, sampleTables.Profiles)),
                "MAP column");
            Assert.That(
                await Sandbox.PsqlAsync(
                    "SELECT column_name, data_type, character_maximum_length FROM information_schema.columns WHERE table_name = "
                    + "'mg_page_report' ORDER BY ordinal_position"),
                Is.EqualTo(new[]
                {
                    new[] { "Page", "text", null }, new[] { "Views", "bigint", null }, new[] { "Revenue", "real", null },
                    new[]
                    {
                        "LastSeen", "timestamp without time zone", null
                    }, new[] { "Day", "date", null }, new[] { "Browser", "character varying", "40" },
                }));
            Assert.That(
                await Sandbox.PsqlAsync("SELECT page, views FROM mg_top_pages ORDER BY page"),
                Is.EqualTo(
                    await Sandbox.PsqlAsync(
                        $"""SELECT ("web")."webPageDetails"."name", count(*) FROM {sampleTables.Events} WHERE _id IN (SELECT _id FROM """
                        + $"""{sampleTables.Events} ORDER BY _id LIMIT 60) GROUP BY 1 ORDER BY 1""")).And.Not.Empty,
                "the CTAS counted the 60 appended events");
            Assert.That(
                await Sandbox.PsqlAsync("SELECT \"MigrationId\", \"ProductVersion\" FROM ef_migrations_history ORDER BY 1"),
                Is.EqualTo(Applied.Select(id => new[] { id, typeof(DbContext).Assembly.GetName().Version!.ToString(3) })));
            Assert.That(first, Has.Some.StartsWith("CREATE TABLE IF NOT EXISTS ef_migrations_history"));
            Assert.That(
                first,
                Has.Some.StartsWith("INSERT INTO ef_migrations_history (MigrationId, ProductVersion) SELECT '20261122000003_TopPages'"));
            Assert.That(
                first.Where(
                    s => System.Text.RegularExpressions.Regex.IsMatch(s, "^(BEGIN|START|COMMIT|ROLLBACK|SAVEPOINT|LOCK|SET TRANSACTION)")),
                Is.Empty,
                "no transaction or lock");
            Assert.That(
                second, Is.Not.Empty.And.All.Match("^(SELECT|SHOW TABLES)"), "the second run only reads the table list and the history");
        });
    }

    [Test]
    public async Task A_refused_operation_in_a_later_migration_stops_the_run_before_the_first_is_applied()
    {
        await using var db = Open<RefusedMigrationsContext>(Sandbox);
        var refused = Assert.ThrowsAsync<QueryServiceMigrationException>(() => db.Database.MigrateAsync())!;
        Assert.Multiple(async () =>
        {
            Assert.That(refused.Operation, Is.EqualTo("RenameColumn (mg_refused_report.Views)"));
            Assert.That(refused.Migration, Is.EqualTo("20261122000002_RenameViews"));
            Assert.That(
                refused.Message,
                Does.StartWith("RenameColumn (mg_refused_report.Views) in migration 20261122000002_RenameViews: ").And.Contain(
                    "cannot be renamed"));
            Assert.That(
                await Sandbox.PsqlAsync("SELECT to_regclass('mg_refused_report') IS NULL, count(*) FROM ef_migrations_history"),
                Is.EqualTo(new[] { new[] { "t", "0" } }));
        });
    }

    [Test]
    public async Task Reverting_is_refused_and_leaves_everything_in_place()
    {
        await using var db = Open<ReportingMigrationsContext>(Sandbox);
        await db.Database.MigrateAsync();
        var refused = Assert.ThrowsAsync<QueryServiceMigrationException>(() => db.Database.MigrateAsync(Migration.InitialDatabase))!;
        Assert.Multiple(async () =>
        {
            Assert.That((refused.Operation, refused.Migration), Is.EqualTo(("Revert", Applied[3])));
            Assert.That(refused.Message, Does.Contain("append-only").And.Contain("new migration that moves forward"));
            Assert.That(await Sandbox.PsqlAsync("SELECT count(*) FROM ef_migrations_history"), Is.EqualTo(new[] { new[] { "4" } }));
        });
    }

    [Test]
    public async Task The_synchronous_Migrate_used_by_dotnet_ef_does_the_same_into_a_history_table_of_its_own()
    {
        using (var db = new QueryServiceDbContextFactory<ReportingMigrationsContext>(
                   Sandbox.Credentials(), o => o.ApplicationName(Application).MigrationsHistoryTable("mg_history"))
                   .CreateDbContext())
        {
            db.Database.Migrate();
            db.Database.Migrate();
            Assert.That(db.Database.GetAppliedMigrations(), Is.EqualTo(Applied));
        }

        Assert.Multiple(async () =>
        {
            Assert.That(
                await Sandbox.PsqlAsync("SELECT \"MigrationId\" FROM mg_history ORDER BY 1"),
                Is.EqualTo(Applied.Select(id => new[] { id })));
            Assert.That(
                await Sandbox.PsqlAsync("SELECT to_regclass('ef_migrations_history') IS NULL"), Is.EqualTo(new[] { new[] { "t" } }));
        });
    }

    [Test]
    public async Task Seeding_runs_after_migrating_and_knows_whether_anything_was_applied()
    {
        var performed = new List<bool>();
        var factory = new QueryServiceDbContextFactory<ReportingMigrationsContext>(
            Sandbox.Credentials(),
            o => o.ApplicationName(Application),
            o => o.UseAsyncSeeding((_, anything, _) =>
            {
                performed.Add(anything);
                return Task.CompletedTask;
            }));
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            await db.Database.MigrateAsync();
            Assert.That(
                () => db.Database.Migrate(),
                Throws.InvalidOperationException.With.Message.Contains("UseSeeding"),
                "a synchronous Migrate needs a synchronous seeder, as in EF");
        }

        Assert.That(performed, Is.EqualTo(new[] { true, false }));
    }

    [Test]
    public async Task Two_runs_at_once_in_one_process_apply_each_migration_once()
    {
        await using var one = Open<ReportingMigrationsContext>(Sandbox);
        await using var two = Open<ReportingMigrationsContext>(Sandbox);
        await Task.WhenAll(one.Database.MigrateAsync(), two.Database.MigrateAsync());
        Assert.That(
            await Sandbox.PsqlAsync("SELECT \"MigrationId\" FROM ef_migrations_history ORDER BY 1"),
            Is.EqualTo(Applied.Select(id => new[] { id })));
    }

    [Test]
    public void The_service_script_matches_its_baseline_follows_the_grammar_and_opens_no_transaction()
    {
        using var db = ContextFactories.CapturingServiceContext<ReportingMigrationsContext>(new CommandCapture { Suppress = true });
        var migrator = db.GetService<IMigrator>();
        var script = migrator.GenerateScript();
        Baseline.AssertMatches("Migrations/Baselines/Reporting_script.sql", script);
        var statements = script.Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Multiple(() =>
        {
            Assert.That(statements, Has.Length.EqualTo(10), "the history table, three tables, a column, a CTAS and four history rows");
            foreach (var statement in statements)
            {
                Assert.That(QueryServiceSqlConformance.Violations(statement), Is.Empty, statement);
            }

            Assert.That(
                script,
                Does.Not.Contain("TRANSACTION").And.Not.Contain("COMMIT").And.Not.Contain("DO $"),
                "no transaction and no DO block on the service");
            Assert.That(() => migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent),
                Throws.TypeOf<QueryServiceMigrationException>().With.Message.Contains("conditional blocks"));
            Assert.That(() => migrator.GenerateScript(Applied[2], Applied[0]),
                Throws.TypeOf<QueryServiceMigrationException>().With.Property(
                    nameof(QueryServiceMigrationException.Operation)).EqualTo("Revert"));
        });
    }
}
