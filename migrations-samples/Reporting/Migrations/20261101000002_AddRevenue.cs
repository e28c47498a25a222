using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Reporting.Migrations;

/// <summary>A column added to the summary (ALTER TABLE ... ADD COLUMN, one of the types the service documents for it).</summary>
[DbContext(typeof(ReportingContext))]
[Migration("20261101000002_AddRevenue")]
public sealed class AddRevenue : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.AddColumn<double>(name: "Revenue", table: "page_view_summary", nullable: true);
}
