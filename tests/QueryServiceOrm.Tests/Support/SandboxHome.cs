using System.Text.Json;

namespace QueryServiceOrm.Tests.Support;

/// <summary>
/// A qsorm configuration folder of its own with a sandbox started by <c>qsorm sandbox start</c>, as a user following a
/// README would have; stopped and removed on dispose.
/// </summary>
internal sealed class SandboxHome : IAsyncDisposable
{
    private SandboxHome(string directory) => Directory = directory;

    public string Directory { get; }

    public Dictionary<string, string> Environment => new() { ["QSORM_CONFIG_HOME"] = Directory };

    /// <summary>The running sandbox, for psql checks.</summary>
    public QueryServiceSandbox Sandbox
        => QueryServiceSandbox.Attach(
            JsonSerializer.Deserialize<QueryServiceSandboxState>(File.ReadAllText(Path.Combine(Directory, "sandbox-state.json")))!);

    public static async Task<SandboxHome> StartAsync(int rows)
    {
        var home = new SandboxHome(Path.Combine(Path.GetTempPath(), "qsorm-sample-home-" + Guid.NewGuid().ToString("N")[..8]));
        var start = await home.RunAsync("sandbox", "start", "--rows", rows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(start.Code, Is.Zero, start.Errors);
        return home;
    }

    public Task<Qsorm.Result> RunAsync(params string[] args) => Qsorm.RunAsync(Environment, null, args);

    /// <summary>The variables <c>eval "$(qsorm sandbox env)"</c> would set, read back from its output.</summary>
    public async Task<Dictionary<string, string>> ExportsAsync()
    {
        var env = await RunAsync("sandbox", "env");
        Assert.That(env.Code, Is.Zero, env.Errors);
        return env.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(
                line => System.Text.RegularExpressions.Regex.Match(
                    line, "^export ([A-Za-z_]+)='(.*)'$", System.Text.RegularExpressions.RegexOptions.Singleline))
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Replace("'\\''", "'", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("sandbox", "stop");
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
