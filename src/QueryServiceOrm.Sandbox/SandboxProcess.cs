using System.Diagnostics;

namespace QueryServiceOrm.Sandbox;

/// <summary>
/// Runs the PostgreSQL programs. PostgreSQL refuses to run as root, so when this process is root they run
/// as the <c>postgres</c> user through <c>runuser</c>.
/// </summary>
internal static class SandboxProcess
{
    public const string ServerUser = "postgres";

    public static bool IsRoot => Environment.IsPrivilegedProcess;

    /// <summary>This process's numeric user id, as <c>id -u</c> prints it.</summary>
    public static string? UserId { get; } = TryRunQuiet("id", ["-u"])?.Trim();

    public static async Task<string> RunAsServerUserAsync(
        string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
        => IsRoot
            ? await RunAsync("runuser", ["-u", ServerUser, "--", program, .. arguments], cancellationToken).ConfigureAwait(false)
            : await RunAsync(program, arguments, cancellationToken).ConfigureAwait(false);

    /// <summary>Runs a program to its end and returns what it wrote to standard output; a failure carries both outputs.</summary>
    public static async Task<string> RunAsync(
        string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = StartInfo(program, arguments);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new SandboxException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var standardOutput = await output.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            // Arguments are left out: they can hold SQL or paths, and the program's own message says what went wrong.
            throw new SandboxException(
                $"{Path.GetFileName(program)} failed with exit code {process.ExitCode}: "
                + $"{(standardOutput + await error.ConfigureAwait(false)).Trim()}");
        }

        return standardOutput;
    }

    /// <summary>Runs a program and returns its output, or null when it is missing or fails.</summary>
    public static string? TryRunQuiet(string program, IReadOnlyList<string> arguments)
    {
        try
        {
            using var process = Process.Start(StartInfo(program, arguments));
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Starts a long-lived helper detached from this process's session, with no stdio tied to it.</summary>
    public static Process StartDetached(string script, IReadOnlyList<string> arguments)
    {
        var info = StartInfo("setsid", ["/bin/sh", "-c", script, "qsorm-sandbox-watchdog", .. arguments]);
        return Process.Start(info) ?? throw new SandboxException("Could not start the sandbox watchdog.");
    }

    /// <summary>Gives a path (recursively) to the server user, when running as root.</summary>
    public static async Task GiveToServerUserAsync(string path, CancellationToken cancellationToken)
    {
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", $"{ServerUser}:{ServerUser}", path], cancellationToken).ConfigureAwait(false);
        }
    }

    private static ProcessStartInfo StartInfo(string program, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The server's messages are parsed nowhere, but keep them in plain English for the logs.
        info.Environment["LC_ALL"] = "C";
        return info;
    }
}
