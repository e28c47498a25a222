using System.Diagnostics;

namespace QueryServiceOrm.Tests.Support;

/// <summary>Runs a bash command line as a README gives it, with <c>qsorm</c> a function for this build's qsorm.dll.</summary>
internal static class Shell
{
    public static async Task<Qsorm.Result> RunAsync(
        string script, IReadOnlyDictionary<string, string> environment, TimeSpan? timeout = null)
    {
        var qsorm = Path.Combine(TestContext.CurrentContext.TestDirectory, "qsorm.dll");
        var start = new ProcessStartInfo("bash", ["-c", $"set -euo pipefail; qsorm() {{ dotnet '{qsorm}' \"$@\"; }}; {script}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await Processes.WaitOrKillAsync(process, timeout ?? TimeSpan.FromMinutes(5));
        return new Qsorm.Result(process.ExitCode, await output, await errors);
    }
}
