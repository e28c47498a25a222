namespace QueryServiceOrm.Tests.Samples;

/// <summary>
/// migrations-samples/Reporting as its README runs it: a sandbox from qsorm, its variables exported by
/// <c>eval "$(qsorm sandbox env)"</c>, the program applying three migrations with MigrateAsync, then again (nothing to do);
/// every table checked with psql.
/// </summary>
[NonParallelizable]
public sealed class ReportingSampleTests
{
    private static readonly string[] Migrations = [
        "20261101000001_CreatePageViewSummary", "20261101000002_AddRevenue", "20261101000003_CreateTopPages"];

    [Test]
    public async Task The_sample_migrates_the_sandbox_as_its_readme_says_and_a_second_run_applies_nothing()
    {
        await using var home = await SandboxHome.StartAsync(rows: 300);
        var run = $"eval \"$(qsorm sandbox env)\"; dotnet '{RepositoryPaths.Sample("Reporting")}'";
        var first = await Shell.RunAsync(run, home.Environment);
        var sandbox = home.Sandbox;
        var statementsBefore = FrontLog.Statements(sandbox, "reporting-sample").Count;
        var second = await Shell.RunAsync(run, home.Environment);
        var secondStatements = FrontLog.Statements(sandbox, "reporting-sample").Skip(statementsBefore).ToList();
        var top = await sandbox.PsqlAsync("""SELECT "pageName", count(*) FROM xdm_flat GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5""");
        Assert.Multiple(async () =>
        {
            Assert.That(first.Code, Is.Zero, first.Errors);
            Assert.That(first.Output, Does.StartWith($"Applying {string.Join(", ", Migrations)}"));
            Assert.That(
                await TableShape.ReadAsync(sandbox, "page_view_summary"),
                Is.EqualTo(
                    new[]
                    {
                        new[] { "Day", "date" },
                        new[] { "Page", "text" },
                        new[] { "Views", "bigint" },
                        new[] { "Device", "composite" },
                        new[] { "Device.type", "text" },
                        new[] { "Device.os", "text" },
                        new[] { "Revenue", "double precision" }
                    }));
            Assert.That(await sandbox.PsqlAsync("SELECT page, views FROM top_pages ORDER BY 2 DESC, 1 LIMIT 5"), Is.EqualTo(top));
            foreach (var row in top)
            {
                Assert.That(first.Output, Does.Contain($"{row[1],8}  {row[0]}"), "the program reads the report back");
            }

            Assert.That(
                await sandbox.PsqlAsync("SELECT \"MigrationId\" FROM ef_migrations_history ORDER BY 1"),
                Is.EqualTo(Migrations.Select(m => new[] { m })));
            Assert.That(second.Code, Is.Zero, second.Errors);
            Assert.That(second.Output, Does.StartWith("No pending migrations."));
            Assert.That(secondStatements, Is.Not.Empty.And.All.Match("^(SELECT|SHOW TABLES)"), "the second run only reads");
        });
    }
}
