namespace QueryServiceOrm.Tests.Support;

/// <summary>
/// A folder outside the repository for trying the packages as a new user does: <c>build/pack.sh</c>'s artifacts, an
/// application folder whose nuget.config adds the packages' folder to the machine's feeds, a tool path and a qsorm
/// configuration home. Deleted on dispose.
/// </summary>
internal sealed class PackageTrial : IDisposable
{
    public PackageTrial()
    {
        Directory.CreateDirectory(App);
        File.WriteAllText(Path.Combine(App, "nuget.config"), NuGetConfig());
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "qsorm-pack-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>
    /// Unique to this trial, so that no package of the same id and version cached by an earlier run (or a user's own
    /// install) can be what gets installed.
    /// </summary>
    public string Version { get; } = "0.0.0-test" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Where <c>build/pack.sh</c> writes the packages: artifacts/packages under <c>ARTIFACTS_DIR</c>.</summary>
    public string Packages => Path.Combine(Folder, "artifacts", "packages");

    public string App => Path.Combine(Folder, "app");

    public void Write(string file, string text) => File.WriteAllText(Path.Combine(App, file), text);

    /// <summary>
    /// Runs bash in the repository with <c>$VERSION</c>, <c>$ARTIFACTS_DIR</c> (pack.sh's output), <c>$APP</c>, <c>$TOOLS</c>
    /// (a tool path) and <c>QSORM_CONFIG_HOME</c> (qsorm's profiles and sandbox state) set.
    /// </summary>
    public Task<Qsorm.Result> RunAsync(string script) => Shell.RunAsync(
        script,
        new Dictionary<string, string>
        {
            ["VERSION"] = Version,
            ["ARTIFACTS_DIR"] = Path.Combine(Folder, "artifacts"),
            ["APP"] = App,
            ["TOOLS"] = Path.Combine(Folder, "tools"),
            ["QSORM_CONFIG_HOME"] = Path.Combine(Folder, "home"),
        },
        TimeSpan.FromMinutes(3));

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    // The packages' folder beside the machine's feeds; restored packages go to a folder of the trial's own that falls
    // back to the machine's cache, so the trial's packages do not stay in that cache and nothing is downloaded again.
    private string NuGetConfig()
    {
        var machineCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(Folder, "packages")}" />
              </config>
              <packageSources>
                <add key="queryserviceorm-local" value="{Packages}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{machineCache}" />
              </fallbackPackageFolders>
            </configuration>
            """;
    }
}
