using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Sandbox.Xdm;
using QueryServiceOrm.Tests.Migrations;

namespace QueryServiceOrm.Tests.Live;

/// <summary>
/// Migrations against a real sandbox (Data Distiller licence): the history table, a nested table, a profile dataset with
/// its primary identity, an added column and a CTAS, then a second run that applies nothing. What it settles: that the
/// service takes the generated DDL and the history's INSERT ... SELECT, and lists the history table in SHOW TABLES.
/// Its datasets are named <c>qsorm_live_mig_*</c> and dropped at the end; it needs QueryService__LiveWrites=1.
/// </summary>
[TestFixture]
[Category(LiveSandbox.Category)]
[NonParallelizable]
public sealed class LiveMigrationTests
{
    private QueryServiceCredentials _credentials = null!;
    private CommandCapture _capture = null!;

    /// <summary>The migrated model: the sample events and profiles and the page report, under the run's prefix.</summary>
    public sealed class LiveMigrationsContext(DbContextOptions<LiveMigrationsContext> options) : DbContext(options)
    {
        public static readonly string Prefix = "qsorm_live_mig_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

        public static string Table(string name) => Prefix + "_" + name;

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            XdmSampleContext.ConfigureModel(modelBuilder, new XdmSampleTables(Table("events"), Table("profiles"), Table("flat")));
            modelBuilder.Entity<XdmProfile>().IsProfileDataset().Property(p => p.Id).HasPrimaryIdentity("ECID");
            modelBuilder.Entity<PageReport>(r =>
            {
                r.ToTable(Table("report"));
                r.HasKey(x => x.Page);
                r.Property(x => x.Browser).HasMaxLength(40);
            });
        }
    }

    /// <summary>The nested events, the profile dataset and the report.</summary>
    [DbContext(typeof(LiveMigrationsContext))]
    [Migration("20261122100001_LiveCreate")]
    public sealed class LiveCreate : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                LiveMigrationsContext.Table("events"),
                t => new
                {
                    _id = t.Column<string>(),
                    timestamp = t.Column<DateTime>(),
                    web = t.Column<string>(),
                    productListItems = t.Column<string>(),
                });
            migrationBuilder.CreateTable(
                LiveMigrationsContext.Table("profiles"), t => new { _id = t.Column<string>(), identityMap = t.Column<string>() });
            migrationBuilder.CreateTable(
                LiveMigrationsContext.Table("report"), t => new { Page = t.Column<string>(), Views = t.Column<long>() });
        }
    }

    /// <summary>A column added, and a CTAS over the events.</summary>
    [DbContext(typeof(LiveMigrationsContext))]
    [Migration("20261122100002_LiveExtend")]
    public sealed class LiveExtend : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>("Browser", LiveMigrationsContext.Table("report"), maxLength: 40, nullable: true);
            migrationBuilder.Sql(
                $"CREATE TABLE {LiveMigrationsContext.Table("pages")} AS SELECT \"Page\" AS page, sum(\"Views\") AS views "
                + $"FROM {LiveMigrationsContext.Table("report")} GROUP BY \"Page\"");
        }
    }

    [OneTimeSetUp]
    public void RequireASandbox()
    {
        LiveSandbox.RequireEnabled();
        LiveSandbox.RequireSettings("write", "LiveWrites");
        _credentials = QueryServiceCredentials.FromEnvironment();
        _capture = new CommandCapture();
    }

    [OneTimeTearDown]
    public async Task DropTablesAsync()
    {
        if (_credentials is null)
        {
            return;
        }

        await using var db = Context();
        foreach (var table in new[] { "pages", "report", "profiles", "events", "history" })
        {
            await db.Database.DropTableAsync(LiveMigrationsContext.Table(table), ifExists: true);
        }
    }

    private LiveMigrationsContext Context()
        => new QueryServiceDbContextFactory<LiveMigrationsContext>(
            _credentials,
            o => o.MigrationsHistoryTable(LiveMigrationsContext.Table("history")),
            o => o.AddInterceptors(_capture)).CreateDbContext();

    [Test]
    public async Task Migrations_apply_once_and_on_the_service_every_statement_follows_the_grammar()
    {
        await using (var db = Context())
        {
            await db.Database.MigrateAsync();
        }

        var first = _capture.Commands.ToList();
        _capture.Commands.Clear();
        await using (var db = Context())
        {
            await db.Database.MigrateAsync();
            Assert.That(
                await db.Database.GetAppliedMigrationsAsync(),
                Is.EqualTo(new[] { "20261122100001_LiveCreate", "20261122100002_LiveExtend" }));
            Assert.That(
                await db.Database.GetTableNamesAsync(),
                Is.SupersetOf(new[] { "events", "profiles", "report", "pages", "history" }.Select(LiveMigrationsContext.Table)));
        }

        Assert.Multiple(() =>
        {
            Assert.That(
                first,
                Has.Some.StartWith("CREATE TABLE").And.Some.StartWith("ALTER TABLE").And.Some.StartWith("INSERT INTO"),
                "the first run created, altered and recorded");
            Assert.That(
                _capture.Commands,
                Has.None.StartWith("CREATE").And.None.StartWith("ALTER").And.None.StartWith("INSERT"),
                "the second run changes nothing");
            foreach (var sql in first)
            {
                Assert.That(QueryServiceSqlConformance.Violations(sql), Is.Empty, sql);
            }
        });
    }
}
