using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Reporting.Migrations;

/// <summary>A report table derived from the flat events with a CTAS, written as SQL (it runs on the service and the sandbox alike).</summary>
[DbContext(typeof(ReportingContext))]
[Migration("20261101000003_CreateTopPages")]
public sealed class CreateTopPages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql("""CREATE TABLE top_pages AS SELECT "pageName" AS page, count(*) AS views FROM xdm_flat GROUP BY "pageName" """);
}
