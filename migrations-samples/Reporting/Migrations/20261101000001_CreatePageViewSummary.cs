using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Reporting.Migrations;

/// <summary>The summary table, with the device as a nested XDM object (a ROW column on the service).</summary>
[DbContext(typeof(ReportingContext))]
[Migration("20261101000001_CreatePageViewSummary")]
public sealed class CreatePageViewSummary : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.CreateTable(
            name: "page_view_summary",
            columns: table => new
            {
                Day = table.Column<DateOnly>(nullable: false),
                Page = table.Column<string>(nullable: false),
                Views = table.Column<long>(nullable: false),
                Device = table.Column<string>(nullable: true),
            });
}
