using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Tests.Migrations;

/// <summary>A row of the page report the test migrations create and extend.</summary>
public sealed class PageReport
{
    public string Page { get; set; } = "";

    public long Views { get; set; }

    public double? Revenue { get; set; }

    public DateTime? LastSeen { get; set; }

    public DateOnly? Day { get; set; }

    public string? Browser { get; set; }
}

/// <summary>
/// The model the test migrations build: the XDM sample tables under the prefix <c>mg</c> (nested objects, arrays, a map;
/// the profiles a profile dataset with a primary identity) and a flat page report.
/// </summary>
public sealed class ReportingMigrationsContext(DbContextOptions<ReportingMigrationsContext> options) : DbContext(options)
{
    public static readonly XdmSampleTables Tables = XdmSampleData.TablesFor("mg");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        XdmSampleContext.ConfigureModel(modelBuilder, Tables);
        modelBuilder.Entity<XdmProfile>().IsProfileDataset().Property(p => p.Id).HasPrimaryIdentity("ECID");
        modelBuilder.Entity<PageReport>(r =>
        {
            r.ToTable("mg_page_report");
            r.HasKey(x => x.Page);
            r.Property(x => x.Page).HasMaxLength(200);
            r.Property(x => x.Browser).HasMaxLength(40);
        });
    }
}

/// <summary>The first migration: the nested events, the profile dataset and the page report.</summary>
[DbContext(typeof(ReportingMigrationsContext))]
[Migration("20261122000001_CreateReporting")]
public sealed class CreateReporting : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Written as `dotnet ef migrations add` would, PostgreSQL types included: the generator takes the types from the model.
        migrationBuilder.CreateTable(
            name: "mg_events",
            columns: table => new
            {
                _id = table.Column<string>(type: "text", nullable: false),
                timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                eventType = table.Column<string>(type: "text", nullable: true),
                web = table.Column<string>(type: "json", nullable: true),
                commerce = table.Column<string>(type: "json", nullable: true),
                productListItems = table.Column<string>(type: "json", nullable: true),
                environment = table.Column<string>(type: "json", nullable: true),
                _luma = table.Column<string>(type: "json", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_mg_events", x => x._id));

        migrationBuilder.CreateTable(
            name: "mg_profiles",
            columns: table => new
            {
                _id = table.Column<string>(type: "text", nullable: false),
                person = table.Column<string>(type: "json", nullable: true),
                personalEmail = table.Column<string>(type: "json", nullable: true),
                identityMap = table.Column<string>(type: "json", nullable: true),
                _luma = table.Column<string>(type: "json", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_mg_profiles", x => x._id));

        migrationBuilder.CreateTable(
            name: "mg_page_report",
            columns: table => new
            {
                Page = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                Views = table.Column<long>(type: "bigint", nullable: false),
                Revenue = table.Column<double>(type: "double precision", nullable: true),
                LastSeen = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                Day = table.Column<DateOnly>(type: "date", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_mg_page_report", x => x.Page));
    }
}

/// <summary>The second migration: a column added to the report.</summary>
[DbContext(typeof(ReportingMigrationsContext))]
[Migration("20261122000002_AddBrowser")]
public sealed class AddBrowser : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.AddColumn<string>(
            name: "Browser", table: "mg_page_report", type: "character varying(40)", maxLength: 40, nullable: true);
}

/// <summary>The third migration: a table derived from the events by a CTAS.</summary>
[DbContext(typeof(ReportingMigrationsContext))]
[Migration("20261122000003_TopPages")]
public sealed class TopPages : Migration
{
    public const string Select = "SELECT web.webPageDetails.name AS page, count(*) AS views FROM mg_events GROUP BY 1";

    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("CREATE TABLE mg_top_pages AS " + Select);
}

/// <summary>The fourth migration has nothing to do (as `migrations add` writes after no model change): only its history row.</summary>
[DbContext(typeof(ReportingMigrationsContext))]
[Migration("20261122000004_Nothing")]
public sealed class Nothing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
    }
}

/// <summary>A context whose second migration renames a column, which the service cannot do.</summary>
public sealed class RefusedMigrationsContext(DbContextOptions<RefusedMigrationsContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<PageReport>(r =>
        {
            r.ToTable("mg_refused_report");
            r.HasKey(x => x.Page);
        });
}

/// <summary>Creates the refused context's table.</summary>
[DbContext(typeof(RefusedMigrationsContext))]
[Migration("20261122000001_CreateRefused")]
public sealed class CreateRefused : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.CreateTable(
            name: "mg_refused_report",
            columns: table => new { Page = table.Column<string>(nullable: false), Views = table.Column<long>(nullable: false) });
}

/// <summary>Renames a column: refused before anything runs.</summary>
[DbContext(typeof(RefusedMigrationsContext))]
[Migration("20261122000002_RenameViews")]
public sealed class RenameViews : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.RenameColumn(name: "Views", table: "mg_refused_report", newName: "PageViews");
}
