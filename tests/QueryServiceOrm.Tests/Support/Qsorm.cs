using System.Diagnostics;
using QueryServiceOrm.Cli;

namespace QueryServiceOrm.Tests.Support;

/// <summary>Runs qsorm in this process (its entry point) or as a process (<c>dotnet qsorm.dll</c>), with its own environment.</summary>
internal static class Qsorm
{
    public sealed record Result(int Code, string Output, string Errors, long PeakResidentKiB = 0)
    {
        public void Deconstruct(out int code, out string output, out string errors) => (code, output, errors) = (Code, Output, Errors);
    }

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, string? input, params string[] args)
    {
        using var scope = new EnvironmentScope(environment);
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await QsormApp.RunAsync(args, output, errors, input: new StringReader(input ?? ""));
        return new Result(code, output.ToString(), errors.ToString());
    }

    /// <summary>As a process, with the kernel's high-water mark of its resident memory (VmHWM) read while it runs.</summary>
    public static Task<Result> RunProcessAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
        => RunProcessWithInputAsync(environment, null, args);

    /// <summary>As a process, <paramref name="input"/> written to its standard input (then closed).</summary>
    public static Task<Result> RunProcessWithInputAsync(
        IReadOnlyDictionary<string, string> environment, string? input, params string[] args)
        => RunProcessInAsync(Path.GetTempPath(), environment, input, args);

    /// <summary>As a process working in <paramref name="directory"/> (where it reads and writes ./appsettings.json).</summary>
    public static Task<Result> RunProcessInAsync(
        string directory, IReadOnlyDictionary<string, string> environment, string? input, params string[] args)
        => RunProcessInAsync(directory, environment, input, Timeout.InfiniteTimeSpan, args);

    /// <summary>
    /// As a process, failing the test (and killing the process) if it still runs after <paramref name="limit"/>: a hang guard.
    /// </summary>
    public static Task<Result> RunProcessWithinAsync(TimeSpan limit, IReadOnlyDictionary<string, string> environment, params string[] args)
        => RunProcessInAsync(Path.GetTempPath(), environment, null, limit, args);

    private static async Task<Result> RunProcessInAsync(
        string directory, IReadOnlyDictionary<string, string> environment, string? input, TimeSpan limit, string[] args)
    {
        using var process = StartProcess(directory, environment, args);
        await process.StandardInput.WriteAsync(input ?? "");
        process.StandardInput.Close();
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        var deadline = limit == Timeout.InfiniteTimeSpan ? DateTime.MaxValue : DateTime.UtcNow + limit;
        long peak = 0;
        while (!process.HasExited)
        {
            if (DateTime.UtcNow > deadline)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"qsorm {string.Join(' ', args)} still ran after {limit.TotalSeconds:0} s, and was killed.");
            }

            peak = Math.Max(peak, await HighWaterMarkAsync(process.Id));
            await Task.Delay(20);
        }

        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await output, await errors, peak);
    }

    /// <summary>Starts qsorm as a process, its standard streams redirected, for a test that acts on it while it runs.</summary>
    public static Process StartProcess(string directory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(TestContext.CurrentContext.TestDirectory, "qsorm.dll"), .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    private static async Task<long> HighWaterMarkAsync(int processId)
    {
        try
        {
            var line = (await File.ReadAllLinesAsync($"/proc/{processId}/status"))
                .FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null
                ? 0
                : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
            return 0;
        }
    }
}
