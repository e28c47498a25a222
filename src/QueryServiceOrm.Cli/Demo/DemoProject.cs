using System.Diagnostics;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using QueryServiceOrm.Cli.Profiles;
using QueryServiceOrm.Scaffolding;

namespace QueryServiceOrm.Cli.Demo;

/// <summary>
/// The throw-away project <c>qsorm demo</c> builds: the scaffolded model, the demo program and the credentials as an
/// owner-only appsettings.json, referencing the QueryServiceOrm assembly qsorm itself runs and the same package versions.
/// </summary>
internal sealed class DemoProject(string directory)
{
    private const string Name = "Demo";

    /// <summary>The model's namespace and context, which the demo program is written against.</summary>
    public static readonly QueryServiceScaffoldOptions ModelOptions = new("Demo.Model", "XdmDatasets");

    /// <summary>The project's folder.</summary>
    public string Directory { get; } = directory;

    /// <summary>Writes the project: the model under Model/, Program.cs, Demo.csproj and appsettings.json.</summary>
    /// <param name="directory">An empty or new folder.</param>
    /// <param name="model">The scaffolded classes.</param>
    /// <param name="settingsJson">The profile's JSON (a QueryService section), secrets included.</param>
    public static DemoProject Write(string directory, IReadOnlyList<ScaffoldedFile> model, string settingsJson)
    {
        var modelDirectory = System.IO.Directory.CreateDirectory(Path.Combine(directory, "Model")).FullName;
        foreach (var file in model)
        {
            File.WriteAllText(Path.Combine(modelDirectory, file.Path), file.Content);
        }

        using (var template = typeof(DemoProject).Assembly.GetManifestResourceStream("QueryServiceOrm.Cli.Demo.Program.template")!)
        using (var program = File.Create(Path.Combine(directory, "Program.cs")))
        {
            template.CopyTo(program);
        }

        File.WriteAllText(Path.Combine(directory, Name + ".csproj"), ProjectFile());
        new ProfileStore(directory).WritePrivate(Path.Combine(directory, "appsettings.json"), settingsJson);
        return new DemoProject(directory);
    }

    /// <summary>Restores and builds the project.</summary>
    /// <returns>Null when it built, else what dotnet build said.</returns>
    public async Task<string?> BuildAsync(CancellationToken cancellationToken)
    {
        var log = new StringBuilder();
        var exit = await RunDotnetAsync(
            ["build", "-c", "Release", "-o", "out", "--nologo", "-v", "q", "-p:NuGetAudit=false"],
            line => log.AppendLine(line),
            cancellationToken);
        return exit == 0 ? null : log.ToString().Trim();
    }

    /// <summary>Runs the built program; each line it prints goes to <paramref name="onLine"/>.</summary>
    /// <returns>The program's exit code.</returns>
    public Task<int> RunAsync(Action<string> onLine, CancellationToken cancellationToken)
        => RunDotnetAsync([Path.Combine("out", Name + ".dll")], onLine, cancellationToken);

    // The dotnet that runs qsorm (DOTNET_HOST_PATH is set by the SDK's host), else the one on the PATH.
    private async Task<int> RunDotnetAsync(string[] arguments, Action<string> onLine, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("dotnet could not be started: is the .NET SDK on the PATH?");
        using var kill = cancellationToken.Register(() => process.Kill(entireProcessTree: true));
        var lines = new object();
        process.OutputDataReceived += (_, e) => Relay(e.Data);
        process.ErrorDataReceived += (_, e) => Relay(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        return process.ExitCode;

        void Relay(string? line)
        {
            if (line is not null)
            {
                lock (lines)
                {
                    onLine(line);
                }
            }
        }
    }

    // Package versions are those of the assemblies qsorm runs with, so the demo uses exactly what qsorm was built against.
    private static string ProjectFile()
        => $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net{Environment.Version.Major}.{Environment.Version.Minor}</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RootNamespace>{Name}</RootNamespace>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="{VersionOf(typeof(NpgsqlDbContextOptionsBuilderExtensions))}" />
                <PackageReference Include="Microsoft.EntityFrameworkCore.Relational" Version="{VersionOf(typeof(RelationalDatabaseFacadeExtensions))}" />
                <PackageReference Include="Microsoft.Extensions.Configuration.Json" Version="{VersionOf(typeof(Microsoft.Extensions.Configuration.JsonConfigurationExtensions))}" />
                <Reference Include="QueryServiceOrm" HintPath="{Path.Combine(AppContext.BaseDirectory, "QueryServiceOrm.dll")}" />
              </ItemGroup>
            </Project>
            """;

    private static string VersionOf(Type type)
        => type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
}
