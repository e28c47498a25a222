using System.IO.Compression;
using System.Xml.Linq;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Tests.Build;

/// <summary>
/// <c>build/pack.sh</c> makes the three packages without a warning, and a new user gets what the README's Install section
/// promises from that folder: a fresh console app outside the repository adds the library and the sandbox and runs LINQ
/// against a sandbox it starts, and the tool installs and lists a sandbox's tables.
/// </summary>
[NonParallelizable]
public sealed class PackScriptTests
{
    private const int Rows = 40;

    private static readonly string[] Ids = ["QueryServiceOrm", "QueryServiceOrm.Sandbox", "QueryServiceOrm.Cli"];

    // A user's first program: a sandbox, its sample tables, a context of its own over one of them, two LINQ queries.
    private const string Program = """
        using System.ComponentModel.DataAnnotations.Schema;
        using Microsoft.EntityFrameworkCore;
        using QueryServiceOrm.Sandbox;
        using QueryServiceOrm.Sandbox.Xdm;

        [assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]

        await using var sandbox = await QueryServiceSandbox.StartAsync();
        await XdmSampleData.CreateAsync(sandbox, rows: int.Parse(args[0]));
        await using var db = new ShopContext(new DbContextOptionsBuilder<ShopContext>().UseQueryService(sandbox.Credentials()).Options);
        Console.WriteLine($"PURCHASES {await db.Events.CountAsync(e => e.EventType == "commerce.purchases")}");
        var first = await db.Events.Where(e => e.EventType == "commerce.purchases")
            .OrderBy(e => e.Id)
            .Select(e => e.Id)
            .Take(2)
            .ToListAsync();
        Console.WriteLine($"FIRST {string.Join(' ', first)}");

        internal sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
        {
            public DbSet<FlatEvent> Events => Set<FlatEvent>();
        }

        [Table("xdm_flat")]
        internal sealed class FlatEvent
        {
            [Column("_id")]
            public string Id { get; set; } = "";

            [Column("eventType")]
            public string? EventType { get; set; }
        }
        """;

    private PackageTrial trial = null!;

    [OneTimeSetUp]
    public async Task PackAsync()
    {
        trial = new PackageTrial();
        var pack = await trial.RunAsync("bash build/pack.sh -p:Version=\"$VERSION\"");
        Assert.That(pack.Code, Is.Zero, pack.Output + pack.Errors);
        Assert.That(pack.Output + pack.Errors, Does.Not.Contain("warning").IgnoreCase);
    }

    [OneTimeTearDown]
    public void Delete() => trial.Dispose();

    [Test]
    public void Each_package_and_its_symbols_hold_the_readme_the_licence_the_xml_docs_and_the_metadata()
    {
        Assert.That(
            Directory.EnumerateFiles(trial.Packages).Select(Path.GetFileName),
            Is.EquivalentTo(Ids.SelectMany(id => new[] { $"{id}.{trial.Version}.nupkg", $"{id}.{trial.Version}.snupkg" })));
        Assert.Multiple(() =>
        {
            foreach (var (id, folder, assembly) in new[]
                     {
                         (Ids[0], "lib/net10.0", Ids[0]), (Ids[1], "lib/net10.0", Ids[1]), (Ids[2], "tools/net10.0/any", "qsorm"),
                     })
            {
                Assert.That(
                    Entries(id, "nupkg"),
                    Is.SupersetOf(new[] { "README.md", "LICENSE", $"{folder}/{assembly}.dll", $"{folder}/{assembly}.xml" }),
                    id);
                Assert.That(Entries(id, "snupkg"), Does.Contain($"{folder}/{assembly}.pdb"), id);
                var metadata = Nuspec(id);
                Assert.That(Value(metadata, "authors"), Is.EqualTo("QueryServiceOrm contributors"), id);
                Assert.That(Value(metadata, "license"), Is.EqualTo("MIT"), id);
                Assert.That(Value(metadata, "readme"), Is.EqualTo("README.md"), id);
                Assert.That(Value(metadata, "description"), Is.Not.Empty, id);
                Assert.That(Value(metadata, "tags"), Does.Contain("query-service"), id);
            }
        });
    }

    [Test]
    public void The_provider_dependency_is_bounded_to_the_minor_version_the_library_derives_from()
    {
        // The library derives from the provider's .Internal types: a minor release may change them.
        var built = typeof(NpgsqlDbContextOptionsBuilder).Assembly.GetName().Version!;
        var dependency = Nuspec(Ids[0]).Descendants()
            .Single(e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == "Npgsql.EntityFrameworkCore.PostgreSQL");
        Assert.That((string?)dependency.Attribute("version"), Is.EqualTo($"[{built.ToString(3)}, {built.Major}.{built.Minor + 1}.0)"));
    }

    [Test]
    public async Task A_new_console_app_adds_the_library_and_the_sandbox_from_the_folder_and_runs_linq()
    {
        var create = await trial.RunAsync(
            "cd \"$APP\" && dotnet new console -n PackTrial -o . --no-restore && " +
            "dotnet add package QueryServiceOrm --version \"$VERSION\" && " +
            "dotnet add package QueryServiceOrm.Sandbox --version \"$VERSION\"");
        Assert.That(create.Code, Is.Zero, create.Output + create.Errors);
        trial.Write("Program.cs", Program);

        var run = await trial.RunAsync($"cd \"$APP\" && dotnet run -c Release -- {Rows}");

        var purchases = XdmSampleData.Events(Rows)
            .Where(e => e.EventType == "commerce.purchases")
            .Select(e => e.Id)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.Zero, run.Output + run.Errors);
            Assert.That(run.Output, Does.Contain($"PURCHASES {purchases.Count}\n"));
            Assert.That(run.Output, Does.Contain($"FIRST {purchases[0]} {purchases[1]}\n"));
        });
    }

    [Test]
    public async Task The_tool_installs_from_the_folder_and_lists_the_tables_of_the_sandbox_it_starts()
    {
        var install = await trial.RunAsync(
            "dotnet tool install QueryServiceOrm.Cli --version \"$VERSION\" --tool-path \"$TOOLS\" --configfile \"$APP/nuget.config\"");
        Assert.That(install.Code, Is.Zero, install.Output + install.Errors);
        var version = await trial.RunAsync("\"$TOOLS/qsorm\" --version");
        try
        {
            var start = await trial.RunAsync("\"$TOOLS/qsorm\" sandbox start --rows 10");
            var tables = await trial.RunAsync("\"$TOOLS/qsorm\" tables --profile sandbox");
            Assert.Multiple(() =>
            {
                Assert.That(version.Output, Does.StartWith(trial.Version + "+"), version.Errors);
                Assert.That(start.Code, Is.Zero, start.Errors);
                Assert.That(
                    tables.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries),
                    Is.EqualTo(new[] { "xdm_events", "xdm_flat", "xdm_profiles" }),
                    tables.Errors);
            });
        }
        finally
        {
            await trial.RunAsync("\"$TOOLS/qsorm\" sandbox stop");
        }
    }

    private string PackagePath(string id, string extension) => Path.Combine(trial.Packages, $"{id}.{trial.Version}.{extension}");

    private List<string> Entries(string id, string extension)
    {
        using var zip = ZipFile.OpenRead(PackagePath(id, extension));
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    private XElement Nuspec(string id)
    {
        using var zip = ZipFile.OpenRead(PackagePath(id, "nupkg"));
        using var stream = zip.GetEntry($"{id}.nuspec")!.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string Value(XElement metadata, string name)
        => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? "";
}
