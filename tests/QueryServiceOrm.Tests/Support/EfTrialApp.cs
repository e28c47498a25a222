using System.Xml.Linq;

namespace QueryServiceOrm.Tests.Support;

/// <summary>
/// A throw-away application in the temporary folder, as a user of the library makes one for <c>dotnet ef</c>: the library
/// by project reference and EF's design package at the version pinned in Directory.Packages.props. Deleted on dispose.
/// </summary>
internal sealed class EfTrialApp : IDisposable
{
    public EfTrialApp()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "EfTrial.csproj"), Project());
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "qsorm-ef-" + Guid.NewGuid().ToString("N")[..8]);

    public void Write(string file, string text) => File.WriteAllText(Path.Combine(Folder, file), text);

    /// <summary>Runs bash in the repository with <c>$APP</c> the application's folder and <c>ef</c> the repository's dotnet-ef.</summary>
    public Task<Qsorm.Result> RunAsync(string script, IReadOnlyDictionary<string, string>? environment = null)
        => Shell.RunAsync(
            "dotnet tool restore >/dev/null; ef() { dotnet tool run dotnet-ef \"$@\"; }; " + script,
            new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["APP"] = Folder },
            TimeSpan.FromMinutes(8));

    public void Dispose() => Directory.Delete(Folder, recursive: true);

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
