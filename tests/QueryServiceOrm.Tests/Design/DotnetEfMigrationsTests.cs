using System.Text.Json;
using QueryServiceOrm.Tests.Support;

namespace QueryServiceOrm.Tests.Design;

/// <summary>
/// The real <c>dotnet ef migrations add</c>, <c>migrations script</c> and <c>database update</c> as processes, in an
/// application whose only design-time code is a one-line subclass of <c>QueryServiceDesignTimeDbContextFactory</c>
/// reading its appsettings.json; what was created is checked with psql on the sandbox's backend.
/// </summary>
[NonParallelizable]
public sealed class DotnetEfMigrationsTests
{
    [Test]
    public async Task The_design_time_factory_reads_appsettings_and_migrations_add_script_and_update_run()
    {
        var sandbox = await SharedSandbox.GetAsync();
        var id = Guid.NewGuid().ToString("N")[..8];
        using var app = new EfTrialApp();
        app.Write("appsettings.json", JsonSerializer.Serialize(new
        {
            QueryService = new { sandbox.Host, sandbox.Port, sandbox.Database, sandbox.Username, sandbox.Password },
        }));
        app.Write("Program.cs", $$"""
            using Microsoft.EntityFrameworkCore;
            using QueryServiceOrm.Design;

            Console.WriteLine("a trial of dotnet ef");

            public sealed class Visit
            {
                public long Id { get; set; }

                public string? Page { get; set; }
            }

            public sealed class TrialContext(DbContextOptions<TrialContext> options) : DbContext(options)
            {
                public DbSet<Visit> Visits => Set<Visit>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                    => modelBuilder.Entity<Visit>().ToTable("ef_visits_{{id}}").Property(v => v.Id).ValueGeneratedNever();
            }

            public sealed class TrialContextFactory : QueryServiceDesignTimeDbContextFactory<TrialContext>
            {
                protected override void Configure(QueryServiceOrm.Infrastructure.QueryServiceDbContextOptionsBuilder options)
                    => options.MigrationsHistoryTable("ef_history_{{id}}");
            }
            """);

        var run = await app.RunAsync(
            "dotnet build \"$APP\" --nologo -v q 1>&2 && ef migrations add Initial --project \"$APP\" --no-build 1>&2"
            + " && dotnet build \"$APP\" --nologo -v q 1>&2 && ef migrations script --project \"$APP\" --no-build -o \"$APP/script.sql\" 1>&2"
            + " && ef database update --project \"$APP\" --no-build && echo SECOND && ef database update --project \"$APP\" --no-build");
        Assert.That(run.Code, Is.Zero, run.Output + run.Errors);

        var script = await File.ReadAllTextAsync(Path.Combine(app.Folder, "script.sql"));
        var created = await sandbox.PsqlAsync($"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'ef_visits_{id}' ORDER BY ordinal_position");
        var history = await sandbox.PsqlAsync($"SELECT \"MigrationId\" FROM ef_history_{id}");
        Assert.Multiple(() =>
        {
            Assert.That(script, Does.Contain($"CREATE TABLE IF NOT EXISTS ef_visits_{id} (Id bigint, Page text)"));
            Assert.That(created, Is.EqualTo(new[] { new[] { "Id", "bigint" }, new[] { "Page", "text" } }));
            Assert.That(history.Select(r => r[0]), Has.Exactly(1).EndsWith("_Initial"));
            Assert.That(run.Output[run.Output.IndexOf("SECOND", StringComparison.Ordinal)..], Does.Contain("No migrations were applied"));
            Assert.That(run.Output + run.Errors, Does.Not.Contain(sandbox.Password));
        });
    }

    [Test]
    public async Task A_missing_setting_is_named_by_dotnet_ef_without_the_secret()
    {
        var sandbox = await SharedSandbox.GetAsync();
        using var app = new EfTrialApp();
        app.Write("appsettings.json", JsonSerializer.Serialize(new { QueryService = new { sandbox.Port, sandbox.Username, sandbox.Password } }));
        app.Write("Program.cs", """
            using Microsoft.EntityFrameworkCore;

            Console.WriteLine("a trial of dotnet ef");

            public sealed class TrialContext(DbContextOptions<TrialContext> options) : DbContext(options);

            public sealed class TrialContextFactory : QueryServiceOrm.Design.QueryServiceDesignTimeDbContextFactory<TrialContext>;
            """);

        var run = await app.RunAsync("dotnet build \"$APP\" --nologo -v q 1>&2 && ef migrations list --project \"$APP\" --no-build");
        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.Not.Zero);
            Assert.That(run.Output + run.Errors, Does.Contain("Query Service setting 'Host' is missing").And.Contain("QueryService__Host"));
            Assert.That(run.Output + run.Errors, Does.Not.Contain(sandbox.Password));
        });
    }
}
