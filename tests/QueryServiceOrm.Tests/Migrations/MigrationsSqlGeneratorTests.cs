using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Metadata;
using QueryServiceOrm.Migrations;

namespace QueryServiceOrm.Tests.Migrations;

/// <summary>
/// Each operation the generator supports: its service SQL against a baseline and the documented grammar, and the
/// stand-in's SQL applied and checked with psql. Each operation it refuses: refused at generation, named, with what to
/// do instead.
/// </summary>
[NonParallelizable]
public sealed class MigrationsSqlGeneratorTests : MigrationsTestBase
{
    private static CreateTableOperation PageReport() => new()
    {
        Name = "mg_page_report",
        Columns =
        {
            new AddColumnOperation { Name = "Page", Table = "mg_page_report", ClrType = typeof(string), MaxLength = 200 },
            new AddColumnOperation { Name = "Views", Table = "mg_page_report", ClrType = typeof(long) },
        },
    };

    private static AddColumnOperation Column<T>(string name, int? maxLength = null)
        => new() { Name = name, Table = "mg_page_report", ClrType = typeof(T), MaxLength = maxLength, IsNullable = true };

    public static IEnumerable<TestCaseData> Supported()
    {
        static TestCaseData Case(string name, MigrationOperation[] operations, string check, string[][] expected)
            => new TestCaseData(name, operations, check, expected).SetArgDisplayNames(name);

        yield return Case(
            "Create_table_nested",
            [
                new CreateTableOperation
                {
                    Name = "mg_events",
                    Columns =
                    {
                        new AddColumnOperation { Name = "_id", Table = "mg_events", ClrType = typeof(string) },
                        new AddColumnOperation { Name = "web", Table = "mg_events", ClrType = typeof(string) },
                        new AddColumnOperation { Name = "productListItems", Table = "mg_events", ClrType = typeof(string) }
                    }
                }],
            TableShape.Sql("mg_events"),
            [
                ["_id", "text"], ["web", "composite"], ["web.webPageDetails", "composite"], ["web.webPageDetails.name", "text"],
                ["web.webPageDetails.URL", "text"],
                ["web.webPageDetails.pageViews", "composite"], ["web.webPageDetails.pageViews.value", "real"],
                ["web.webReferrer", "composite"], ["web.webReferrer.URL", "text"],
                ["productListItems", "composite[]"], ["productListItems.SKU", "text"], ["productListItems.name", "text"],
                ["productListItems.quantity", "bigint"], ["productListItems.priceTotal", "real"]]);
        yield return Case(
            "Create_table_profile_dataset",
            [
                new CreateTableOperation
                {
                    Name = "mg_profiles",
                    Columns =
                    {
                        new AddColumnOperation { Name = "_id", Table = "mg_profiles", ClrType = typeof(string) },
                        new AddColumnOperation { Name = "identityMap", Table = "mg_profiles", ClrType = typeof(string) }
                    }
                }],
            "SELECT a.attname, format_type(a.atttypid, NULL) FROM pg_attribute a WHERE a.attrelid = 'mg_profiles'::regclass AND a.attnum "
            + "> 0 ORDER BY a.attnum",
            [["_id", "text"], ["identityMap", "jsonb"]]);
        yield return Case(
            "Add_columns",
            [
                PageReport(), Column<string>("Browser", 40), Column<long>("Sessions"), Column<int>("Pages"), Column<short>("Tabs"),
                Column<sbyte>("Rating"), Column<double>("Revenue"), Column<DateTime>("LastSeen"), Column<DateOnly>("Day")],
            "SELECT column_name, data_type, coalesce(character_maximum_length::text, '') FROM information_schema.columns WHERE "
            + "table_name = 'mg_page_report' ORDER BY ordinal_position",
            [
                ["Page", "text", ""], ["Views", "bigint", ""], ["Browser", "character varying", "40"], ["Sessions", "bigint", ""],
                ["Pages", "integer", ""], ["Tabs", "smallint", ""],
                ["Rating", "smallint", ""], ["Revenue", "double precision", ""], ["LastSeen", "timestamp without time zone", ""],
                ["Day", "date", ""]]);
        yield return Case(
            "Drop_table",
            [
                PageReport(),
                new CreateTableOperation
                {
                    Name = "mg_keyed",
                    Columns = { new AddColumnOperation { Name = "Page", Table = "mg_keyed", ClrType = typeof(string) } }
                },
                new DropTableOperation { Name = "mg_page_report" }],
            "SELECT to_regclass('mg_page_report') IS NULL, to_regclass('mg_keyed') IS NOT NULL", [["t", "t"]]);
        yield return Case(
            "Add_primary_key",
            [
                PageReport(),
                new AddPrimaryKeyOperation
                {
                    Name = "PK_mg_page_report",
                    Table = "mg_page_report",
                    Columns = ["Page"],
                    [QueryServiceAnnotationNames.PrimaryIdentityNamespace] = "Email"
                }],
            // No PostgreSQL constraint: the service's key marks an identity and enforces nothing. The front keeps it with the table.
            "SELECT i->>'Column', i->>'Namespace', i->>'Primary', (SELECT count(*) FROM pg_constraint WHERE conrelid = "
            + "'mg_page_report'::regclass) "
            + "FROM jsonb_array_elements((substr(obj_description('mg_page_report'::regclass, 'pg_class'), 7)::jsonb)->'Identities') AS i",
            [["Page", "Email", "true", "0"]]);
        yield return Case(
            "Ensure_schema_and_sql",
            [
                new EnsureSchemaOperation { Name = "mg_reporting" },
                new SqlOperation { Sql = "CREATE TABLE mg_reporting.totals AS SELECT 1 AS n;" }],
            "SELECT n FROM mg_reporting.totals", [["1"]]);
    }

    [TestCaseSource(nameof(Supported))]
    public async Task A_supported_operation_matches_its_baseline_and_builds_what_psql_sees(
        string name, MigrationOperation[] operations, string check, string[][] expected)
    {
        using (var service = ContextFactories.CapturingServiceContext<ReportingMigrationsContext>(new CommandCapture { Suppress = true }))
        {
            var commands = service.GetService<IMigrationsSqlGenerator>().Generate(operations);
            Baseline.AssertMatches($"Migrations/Baselines/{name}.sql", string.Concat(commands.Select(c => c.CommandText)));
            Assert.Multiple(() =>
            {
                Assert.That(commands.Select(c => c.TransactionSuppressed), Is.All.True, "no statement runs in a transaction");
                foreach (var command in commands)
                {
                    Assert.That(QueryServiceSqlConformance.Violations(command.CommandText), Is.Empty, command.CommandText);
                }
            });
        }

        await using var db = MigrateTests.Open<ReportingMigrationsContext>(Sandbox);
        foreach (var command in db.GetService<IMigrationsSqlGenerator>().Generate(operations))
        {
            await db.Database.ExecuteSqlRawAsync(command.CommandText);
        }

        Assert.That(await Sandbox.PsqlAsync(check), Is.EqualTo(expected));
    }

    [Test]
    public async Task Creating_an_existing_nested_table_again_changes_nothing_on_the_stand_in()
    {
        var create = new CreateTableOperation
        {
            Name = "mg_events",
            Columns =
            {
                new AddColumnOperation { Name = "_id", Table = "mg_events", ClrType = typeof(string) },
                new AddColumnOperation { Name = "web", Table = "mg_events", ClrType = typeof(string) }
            }
        };
        await using var db = MigrateTests.Open<ReportingMigrationsContext>(Sandbox);
        const string webType =
            "SELECT a.atttypid::text, t.typtype FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = "
            + "'mg_events'::regclass AND a.attname = 'web'";
        IReadOnlyList<IReadOnlyList<string?>>? first = null;
        for (var i = 0; i < 2; i++)
        {
            foreach (var command in db.GetService<IMigrationsSqlGenerator>().Generate([create]))
            {
                await db.Database.ExecuteSqlRawAsync(command.CommandText);
            }

            first ??= await Sandbox.PsqlAsync(webType);
            await Sandbox.ExecuteAdminAsync("INSERT INTO mg_events (_id) VALUES ('kept-" + i + "')");
        }

        Assert.Multiple(async () =>
        {
            Assert.That(
                await Sandbox.PsqlAsync("SELECT _id FROM mg_events ORDER BY 1"),
                Is.EqualTo(new[] { new[] { "kept-0" }, new[] { "kept-1" } }),
                "the rows stay");
            Assert.That(first, Has.Count.EqualTo(1).And.Exactly(1).Matches<IReadOnlyList<string?>>(r => r[1] == "c"), "web is a composite");
            Assert.That(await Sandbox.PsqlAsync(webType), Is.EqualTo(first), "and keeps its type");
        });
    }

    public static IEnumerable<TestCaseData> Refused()
    {
        static TestCaseData Case(string name, MigrationOperation operation, string expectedOperation, string reason)
            => new TestCaseData(operation, expectedOperation, reason).SetArgDisplayNames(name);

        yield return Case(
            "Rename_table", new RenameTableOperation { Name = "mg_page_report", NewName = "pages" }, "RenameTable (mg_page_report)",
            "cannot be renamed");
        yield return Case(
            "Rename_column", new RenameColumnOperation { Table = "mg_page_report", Name = "Views", NewName = "Hits" },
            "RenameColumn (mg_page_report.Views)", "cannot be renamed");
        yield return Case(
            "Alter_column_type",
            new AlterColumnOperation
            {
                Table = "mg_page_report",
                Name = "Views",
                ClrType = typeof(string),
                OldColumn = new AddColumnOperation { ClrType = typeof(long) }
            },
            "AlterColumn (mg_page_report.Views)", "keeps its type");
        yield return Case(
            "Drop_column", new DropColumnOperation { Table = "mg_page_report", Name = "Views" }, "DropColumn (mg_page_report.Views)",
            "cannot drop a column");
        yield return Case(
            "Create_index", new CreateIndexOperation { Name = "IX_views", Table = "mg_page_report", Columns = ["Views"] },
            "CreateIndex (mg_page_report)", "no indexes");
        yield return Case(
            "Drop_index", new DropIndexOperation { Name = "IX_views", Table = "mg_page_report" }, "DropIndex (mg_page_report)",
            "no indexes");
        yield return Case(
            "Create_sequence", new CreateSequenceOperation { Name = "ids", ClrType = typeof(long) }, "CreateSequence (ids)",
            "no sequences");
        yield return Case("Drop_sequence", new DropSequenceOperation { Name = "ids" }, "DropSequence (ids)", "no sequences");
        yield return Case("Restart_sequence", new RestartSequenceOperation { Name = "ids" }, "RestartSequence", "no sequences");
        yield return Case(
            "Add_cascading_foreign_key",
            new AddForeignKeyOperation
            {
                Name = "FK",
                Table = "mg_page_report",
                Columns = ["Page"],
                PrincipalTable = "pages",
                PrincipalColumns = ["Page"],
                OnDelete = ReferentialAction.Cascade
            },
            "AddForeignKey (mg_page_report)", "no relationships");
        yield return Case(
            "Create_table_with_foreign_key",
            new CreateTableOperation
            {
                Name = "mg_keyed",
                Columns = { new AddColumnOperation { Name = "Page", Table = "mg_keyed", ClrType = typeof(string) } },
                ForeignKeys =
                {
                    new AddForeignKeyOperation
                    {
                        Name = "FK",
                        Table = "mg_keyed",
                        Columns = ["Page"],
                        PrincipalTable = "pages",
                        PrincipalColumns = ["Page"],
                        OnDelete = ReferentialAction.Cascade
                    }
                }
            },
            "CreateTable (mg_keyed)", "no relationships");
        yield return Case(
            "Add_unique_constraint", new AddUniqueConstraintOperation { Name = "AK", Table = "mg_page_report", Columns = ["Page"] },
            "AddUniqueConstraint (mg_page_report)", "no unique or check constraints");
        yield return Case(
            "Add_check_constraint", new AddCheckConstraintOperation { Name = "CK", Table = "mg_page_report", Sql = "\"Views\" > 0" },
            "AddCheckConstraint (mg_page_report)", "no unique or check constraints");
        yield return Case(
            "Drop_primary_key", new DropPrimaryKeyOperation { Name = "PK", Table = "mg_page_report" }, "DropPrimaryKey (mg_page_report)",
            "cannot be removed");
        yield return Case(
            "Add_primary_key_without_namespace", new AddPrimaryKeyOperation { Name = "PK", Table = "mg_keyed", Columns = ["Page"] },
            "AddPrimaryKey (mg_keyed)", "needs its identity namespace");
        yield return Case(
            "Add_composite_primary_key", new AddPrimaryKeyOperation { Name = "PK", Table = "mg_page_report", Columns = ["Page", "Views"] },
            "AddPrimaryKey (mg_page_report)", "one identity column");
        yield return Case(
            "Insert_data", new InsertDataOperation { Table = "mg_page_report", Columns = ["Page"], Values = new object?[,] { { "home" } } },
            "InsertData (mg_page_report)", "AppendAsync");
        yield return Case(
            "Update_data",
            new UpdateDataOperation
            {
                Table = "mg_page_report",
                KeyColumns = ["Page"],
                KeyValues = new object?[,] { { "home" } },
                Columns = ["Views"],
                Values = new object?[,] { { 1L } }
            },
            "UpdateData (mg_page_report)", "append-only");
        yield return Case(
            "Delete_data",
            new DeleteDataOperation { Table = "mg_page_report", KeyColumns = ["Page"], KeyValues = new object?[,] { { "home" } } },
            "DeleteData (mg_page_report)", "append-only");
        yield return Case(
            "Column_default", new AddColumnOperation { Table = "mg_page_report", Name = "Hits", ClrType = typeof(long), DefaultValue = 0L },
            "AddColumn (mg_page_report.Hits)", "no server defaults");
        yield return Case(
            "Computed_column",
            new CreateTableOperation
            {
                Name = "mg_keyed",
                Columns =
                {
                    new AddColumnOperation
                    {
                        Table = "mg_keyed",
                        Name = "Twice",
                        ClrType = typeof(long),
                        ComputedColumnSql = "\"Views\" * 2"
                    }
                }
            },
            "CreateTable (mg_keyed)", "no computed columns");
        yield return Case(
            "Add_boolean_column", new AddColumnOperation { Table = "mg_page_report", Name = "Seen", ClrType = typeof(bool) },
            "AddColumn (mg_page_report.Seen)", "is a Boolean");
        yield return Case(
            "Add_text_column_without_length", new AddColumnOperation { Table = "mg_page_report", Name = "Note", ClrType = typeof(string) },
            "AddColumn (mg_page_report.Note)", "HasMaxLength(n)");
        yield return Case(
            "Add_nested_column", new AddColumnOperation { Table = "mg_events", Name = "web", ClrType = typeof(string) },
            "AddColumn (mg_events.web)", "is a Web");
        yield return Case(
            "Table_comment", new AlterTableOperation { Name = "mg_page_report", Comment = "pages" }, "AlterTable (mg_page_report)",
            "cannot be altered");
        yield return Case(
            "Database_extension", new AlterDatabaseOperation { ["Npgsql:PostgresExtension:hstore"] = ",,", }, "AlterDatabase",
            "database-wide settings");
        yield return Case("Drop_schema", new DropSchemaOperation { Name = "mg_reporting" }, "DropSchema", "Data Distiller");
        yield return Case(
            "Scaffolded_json_column",
            new CreateTableOperation
            {
                Name = "xdm_events",
                Columns = { new AddColumnOperation { Table = "xdm_events", Name = "web", ClrType = typeof(string), ColumnType = "json" } }
            },
            "CreateTable (xdm_events)", "ExcludeFromMigrations()");
        yield return Case(
            "Decimal_column",
            new CreateTableOperation
            {
                Name = "mg_keyed",
                Columns = { new AddColumnOperation { Table = "mg_keyed", Name = "Price", ClrType = typeof(decimal) } }
            },
            "CreateTable (mg_keyed)", "is a Decimal");
    }

    [TestCaseSource(nameof(Refused))]
    public void An_operation_the_service_cannot_do_is_refused_at_generation_naming_it(
        MigrationOperation operation, string expectedOperation, string reason)
    {
        using var db = ContextFactories.CapturingServiceContext<ReportingMigrationsContext>(new CommandCapture { Suppress = true });
        var refused = Assert.Throws<QueryServiceMigrationException>(() => db.GetService<IMigrationsSqlGenerator>().Generate([operation]))!;
        Assert.Multiple(() =>
        {
            Assert.That(refused.Operation, Is.EqualTo(expectedOperation));
            Assert.That(refused.Message, Does.StartWith(expectedOperation + ": ").And.Contain(reason));
        });
    }
}
