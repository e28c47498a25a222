using System.Text.Json;
using System.Text.RegularExpressions;

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
    public async Task Nested_xdm_survives_migrations_add_update_and_a_compiled_model()
    {
        var sandbox = await SharedSandbox.GetAsync();
        var id = Guid.NewGuid().ToString("N")[..8];
        using var app = new EfTrialApp();
        app.Write("appsettings.json", JsonSerializer.Serialize(new
        {
            QueryService = new { sandbox.Host, sandbox.Port, sandbox.Database, sandbox.Username, sandbox.Password },
        }));
        app.Write("Model.cs", Model(id));
        app.Write("Program.cs", Program(compiledModel: false));

        var migrate = await app.RunAsync(
            "dotnet build \"$APP\" --nologo -v q 1>&2 && ef migrations add Initial --project \"$APP\" --no-build 1>&2"
            + " && dotnet build \"$APP\" --nologo -v q 1>&2 && ef migrations script --project \"$APP\" --no-build -o \"$APP/script.sql\" "
            + "1>&2"
            + " && ef database update --project \"$APP\" --no-build && echo SECOND && ef database update --project \"$APP\" --no-build"
            + " && cd \"$APP\" && dotnet run --no-build -- append 1>&2");
        Assert.That(migrate.Code, Is.Zero, migrate.Output + migrate.Errors);

        var snapshot = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(app.Folder, "Migrations"), "*Snapshot.cs").Single());
        var script = await File.ReadAllTextAsync(Path.Combine(app.Folder, "script.sql"));
        var shape = await TableShape.ReadAsync(sandbox, $"ef_events_{id}");
        var history = await sandbox.PsqlAsync($"SELECT \"MigrationId\" FROM ef_history_{id}");
        Assert.Multiple(() =>
        {
            Assert.That(snapshot, Does.Contain(".HasColumnType(\"ROW(currency text, total float)\")")
                .And.Contain(".HasColumnType(\"ARRAY<ROW(sku text, quantity integer)>\")").And.Contain(
                    ".HasColumnType(\"MAP<text, text>\")"));
            Assert.That(script, Does.Contain(
                $"CREATE TABLE IF NOT EXISTS ef_events_{id} (Id text, `Order` ROW(currency text, total float), Items ARRAY<ROW(sku text, "
                + $"quantity integer)>, Tags MAP<text, text>)"));
            // The backend's side of the front's types: a struct is a composite, a map jsonb, and the documented float 4 bytes.
            Assert.That(shape.Select(c => string.Join(" ", c)), Is.EqualTo(new[]
            {
                "Id text", "Order composite", "Order.currency text", "Order.total real", "Items composite[]", "Items.sku text",
                "Items.quantity integer", "Tags jsonb",
            }));
            Assert.That(script, Does.Contain($"CREATE TABLE IF NOT EXISTS ef_people_{id} (Ecid text PRIMARY IDENTITY NAMESPACE 'ECID')"));
            Assert.That(script, Does.Contain($"CREATE TABLE IF NOT EXISTS ef_visits_{id} (Id bigint, Page text)"));
            Assert.That(history.Select(r => r[0]), Has.Exactly(1).EndsWith("_Initial"));
            Assert.That(
                migrate.Output[migrate.Output.IndexOf("SECOND", StringComparison.Ordinal)..], Does.Contain("No migrations were applied"));

            // What migrations add could not write, said when it wrote the migration: each table and column once.
            var added = migrate.Errors[..migrate.Errors.IndexOf("Done.", StringComparison.Ordinal)];
            Assert.That(
                Regex.Matches(added, "Table 'ef_visits_[0-9a-f]+': its primary key \\(Id\\) is not written").Count, Is.EqualTo(1), added);
            Assert.That(
                Regex.Matches(added, "Table 'ef_visits_[0-9a-f]+', column 'Page': NOT NULL is not written").Count, Is.EqualTo(1), added);
            Assert.That(added, Does.Not.Contain("ef_people_"), "the identity namespace is the key the service keeps");
            Assert.That(
                added + script, Does.Not.Contain("xdm_events"), "a table excluded from migrations is neither created nor warned about");
            Assert.That(migrate.Output + migrate.Errors, Does.Not.Contain(sandbox.Password));
        });

        var optimize = await app.RunAsync(
            "ef dbcontext optimize --project \"$APP\" --no-build -o Compiled --namespace Trial.Compiled 1>&2 && cd \"$APP\" && dotnet "
            + "run -- query > runtime.txt");
        Assert.That(optimize.Code, Is.Zero, optimize.Output + optimize.Errors);
        app.Write("Program.cs", Program(compiledModel: true));
        var compiled = await app.RunAsync("cd \"$APP\" && dotnet run -- query");
        var runtime = await File.ReadAllTextAsync(Path.Combine(app.Folder, "runtime.txt"));
        var expected = await sandbox.PsqlAsync(
            $"SELECT \"Id\", (\"Order\").currency, cardinality(\"Items\"), (\"Items\")[1].sku, \"Tags\" ->> 'channel' FROM ef_events_"
            + $"{id} WHERE (\"Order\").total > 10 ORDER BY \"Id\"");
        Assert.Multiple(() =>
        {
            Assert.That(compiled.Code, Is.Zero, compiled.Output + compiled.Errors);
            Assert.That(runtime.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(expected.Select(r => string.Join("|", r))));
            Assert.That(compiled.Output, Is.EqualTo(runtime), "the compiled model answers as the runtime model does");
        });
    }

    private static string Model(string id) => $$"""
        using Microsoft.EntityFrameworkCore;

        public sealed class Order
        {
            public string? Currency { get; set; }

            public double Total { get; set; }
        }

        public sealed class Item
        {
            public string? Sku { get; set; }

            public int Quantity { get; set; }
        }

        public sealed class Event
        {
            public string Id { get; set; } = "";

            public Order? Order { get; set; }

            public List<Item>? Items { get; set; }

            public Dictionary<string, string>? Tags { get; set; }
        }

        public sealed class Visit
        {
            public long Id { get; set; }

            public string Page { get; set; } = "";
        }

        public sealed class Person
        {
            public string Ecid { get; set; } = "";
        }

        // As dotnet ef scaffolds a dataset: it exists, and the README leaves it out of migrations.
        public sealed class Scaffolded
        {
            public string? Web { get; set; }
        }

        public sealed class TrialContext(DbContextOptions<TrialContext> options) : DbContext(options)
        {
            public DbSet<Event> Events => Set<Event>();

            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity<Visit>().ToTable("ef_visits_{{id}}").Property(v => v.Id).ValueGeneratedNever();
                modelBuilder.Entity<Person>().ToTable("ef_people_{{id}}").HasKey(p => p.Ecid);
                modelBuilder.Entity<Person>().Property(p => p.Ecid).HasPrimaryIdentity("ECID");
                modelBuilder.Entity<Scaffolded>(b =>
                {
                    b.ToTable("xdm_events", t => t.ExcludeFromMigrations()).HasNoKey();
                    b.Property(x => x.Web).HasColumnName("web").HasColumnType("json");
                });
                var events = modelBuilder.Entity<Event>().ToTable("ef_events_{{id}}");
                events.HasNoKey();
                events.Property(e => e.Order).IsXdmObject();
                events.Property(e => e.Items).IsXdmObject();
                events.Property(e => e.Tags).IsXdmObject();
            }
        }

        public sealed class TrialContextFactory : QueryServiceOrm.Design.QueryServiceDesignTimeDbContextFactory<TrialContext>
        {
            protected override void Configure(QueryServiceOrm.Infrastructure.QueryServiceDbContextOptionsBuilder options)
                => options.MigrationsHistoryTable("ef_history_{{id}}");
        }
        """;

    // "append" writes three events; "query" prints the nested reads, through the compiled model when there is one.
    private static string Program(bool compiledModel) => $$"""
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Configuration;
        using QueryServiceOrm.Credentials;
        using QueryServiceOrm.Infrastructure;

        var credentials = QueryServiceCredentials.FromConfiguration(new ConfigurationBuilder().AddJsonFile(Path.GetFullPath("appsettings.json")).Build());
        await using var db = new QueryServiceDbContextFactory<TrialContext>(credentials, configureContext: o => { {{(compiledModel ? "o.UseModel(Trial.Compiled.TrialContextModel.Instance);" : "")}} }).CreateDbContext();
        if (args[0] == "append")
        {
            await db.AppendAsync(new[]
            {
                new Event { Id = "e1", Order = new Order { Currency = "EUR", Total = 12.5 }, Items = [new Item { Sku = "A", Quantity = 2 }, new Item { Sku = "B", Quantity = 1 }], Tags = new() { ["channel"] = "web" } },
                new Event { Id = "e2", Order = new Order { Currency = "USD", Total = 7 }, Items = [], Tags = new() },
                new Event { Id = "e3", Order = new Order { Currency = "GBP", Total = 40 }, Items = [new Item { Sku = "C", Quantity = 5 }], Tags = new() { ["channel"] = "app" } },
            });
            return;
        }

        foreach (var row in await db.Events.Where(e => e.Order!.Total > 10).OrderBy(e => e.Id)
                     .Select(e => new { e.Id, e.Order!.Currency, Lines = e.Items!.Count, First = e.Items![0].Sku, Channel = e.Tags!["channel"] }).ToListAsync())
        {
            Console.WriteLine($"{row.Id}|{row.Currency}|{row.Lines}|{row.First}|{row.Channel}");
        }
        """;

    [Test]
    public async Task A_missing_setting_is_named_by_dotnet_ef_without_the_secret()
    {
        var sandbox = await SharedSandbox.GetAsync();
        using var app = new EfTrialApp();
        app.Write(
            "appsettings.json", JsonSerializer.Serialize(new { QueryService = new { sandbox.Port, sandbox.Username, sandbox.Password } }));
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
