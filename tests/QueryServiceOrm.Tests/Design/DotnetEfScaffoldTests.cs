using System.Xml.Linq;
using QueryServiceOrm.Sandbox.Xdm;
using QueryServiceOrm.Tests.Support;

namespace QueryServiceOrm.Tests.Design;

/// <summary>
/// The real <c>dotnet ef</c> (the repository's tool manifest, .config/dotnet-tools.json) as a process: an application that
/// references the library and Microsoft.EntityFrameworkCore.Design, as any provider's user does, scaffolds a context from the
/// sandbox's front, then queries it with LINQ without any edit to what was scaffolded. psql on the backend is the reference.
/// </summary>
[NonParallelizable]
public sealed class DotnetEfScaffoldTests
{
    private static readonly XdmSampleTables Sample = XdmSampleData.TablesFor(XdmSampleData.DefaultPrefix);

    [Test]
    public async Task A_context_scaffolded_from_the_sandbox_compiles_and_answers_LINQ_unchanged()
    {
        var sandbox = await XdmData.SeedAsync();
        var app = Path.Combine(Path.GetTempPath(), "qsorm-ef-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(app);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(app, "EfTrial.csproj"), Project());
            await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), "System.Console.WriteLine(\"not scaffolded yet\");\n");
            var environment = new Dictionary<string, string> { ["QS_CONNECTION"] = sandbox.ConnectionString(), ["APP"] = app };
            var scaffold = await Shell.RunAsync(
                "dotnet tool restore >/dev/null && dotnet build \"$APP\" --nologo -v q >/dev/null && dotnet tool run dotnet-ef dbcontext scaffold \"$QS_CONNECTION\" QueryServiceOrm "
                + "--project \"$APP\" -o Model --namespace EfTrial.Model --context XdmContext --table " + string.Join(" --table ", Sample.Events, Sample.Flat),
                environment, TimeSpan.FromMinutes(5));
            Assert.That(scaffold.Code, Is.Zero, scaffold.Output + scaffold.Errors);

            await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
                using EfTrial.Model;
                using Microsoft.EntityFrameworkCore;

                await using var db = new XdmContext();
                Console.WriteLine(await db.XdmEvents.CountAsync());
                Console.WriteLine(await db.XdmFlats.CountAsync(f => f.EventType == "commerce.purchases"));
                foreach (var id in await db.XdmEvents.OrderBy(e => e.Id).Select(e => e.Id).Take(3).ToListAsync())
                {
                    Console.WriteLine(id);
                }
                """);
            var run = await Shell.RunAsync("dotnet build \"$APP\" --nologo -v q 1>&2 && dotnet run --no-build --project \"$APP\"", environment, TimeSpan.FromMinutes(5));
            var expected = (await sandbox.PsqlAsync($"SELECT count(*) FROM {Sample.Events}"))
                .Concat(await sandbox.PsqlAsync($"""SELECT count(*) FROM {Sample.Flat} WHERE "eventType" = 'commerce.purchases'"""))
                .Concat(await sandbox.PsqlAsync($"SELECT _id FROM {Sample.Events} ORDER BY _id LIMIT 3"))
                .Select(r => r[0]);
            Assert.Multiple(() =>
            {
                Assert.That(run.Code, Is.Zero, run.Output + run.Errors);
                Assert.That(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(expected));
            });
        }
        finally
        {
            Directory.Delete(app, recursive: true);
        }
    }

    // The library by project reference and EF's design package at the version pinned in Directory.Packages.props.
    private static string Project()
    {
        var pinned = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == "Microsoft.EntityFrameworkCore.Design").Attribute("Version")!.Value;
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Path.Combine(RepositoryPaths.Root, "src", "QueryServiceOrm", "QueryServiceOrm.csproj")}" />
                <PackageReference Include="Microsoft.EntityFrameworkCore.Design" Version="{pinned}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """;
    }
}
