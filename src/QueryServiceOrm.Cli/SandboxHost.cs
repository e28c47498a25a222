using System.Diagnostics;
using System.Runtime.InteropServices;
using QueryServiceOrm.Cli.Profiles;
using QueryServiceOrm.Sandbox;

namespace QueryServiceOrm.Cli;

/// <summary>
/// The process that keeps a sandbox between commands: the front lives in the process that started the sandbox, so
/// <c>qsorm sandbox start</c> starts <c>qsorm sandbox serve</c> detached (its own session, no terminal, output to a log
/// beside the profile) and waits until it has written the sandbox's state. The host stops the sandbox on SIGTERM, SIGINT or
/// SIGHUP, which is what <c>qsorm sandbox stop</c> sends.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class SandboxHost
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    public static string LogPath(ProfileStore store) => Path.Combine(store.Directory, "sandbox-host.log");

    /// <summary>Starts the host and returns the sandbox once its state is written; the host's log explains a failure.</summary>
    public static async Task<QueryServiceSandbox> SpawnAsync(
        ProfileStore store, string statePath, IReadOnlyList<string> serveArguments, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(store.Directory);
        File.Delete(statePath);
        var (program, prefix) = SelfCommand();
        var info = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in (string[])
            [
                "/bin/sh", "-c", "exec \"$@\" </dev/null >\"$QSORM_SANDBOX_HOST_LOG\" 2>&1", "qsorm-sandbox-host", program, .. prefix,
                "sandbox", "serve", .. serveArguments,
            ])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["QSORM_SANDBOX_HOST_LOG"] = LogPath(store);
        using var host = Process.Start(info) ?? throw new InvalidOperationException("Could not start the sandbox's host process.");
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (TryReadState(statePath) is { } state && state.HostProcessId == host.Id)
            {
                return QueryServiceSandbox.Attach(state);
            }

            var exited = host.HasExited;
            if (exited || DateTime.UtcNow >= deadline || cancellationToken.IsCancellationRequested)
            {
                if (!exited)
                {
                    host.Kill(entireProcessTree: true);
                    await host.WaitForExitAsync(CancellationToken.None);
                }

                cancellationToken.ThrowIfCancellationRequested();
                throw new SandboxException(
                    (exited ? "The sandbox could not start." : $"The sandbox did not start within {StartTimeout.TotalSeconds:0} seconds.")
                    + $" What its host wrote ({LogPath(store)}):\n" + Tail(LogPath(store)));
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    /// <summary>Runs the sandbox in this process until a stop signal; calls <paramref name="ready"/> once it is up.</summary>
    public static async Task ServeAsync(
        QueryServiceSandboxOptions options, Func<QueryServiceSandbox, Task> ready, CancellationToken cancellationToken)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);
        await using var sandbox = await QueryServiceSandbox.StartAsync(options, cancellationToken);
        await ready(sandbox);
        await stop.Task.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public static QueryServiceSandboxState? TryReadState(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<QueryServiceSandboxState>(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    // This program again: the apphost when it runs as 'qsorm', else 'dotnet qsorm.dll' (also when it runs inside another host).
    private static (string Program, string[] Prefix) SelfCommand()
    {
        var processPath = Environment.ProcessPath ?? "dotnet";
        if (Path.GetFileNameWithoutExtension(processPath) == "qsorm")
        {
            return (processPath, []);
        }

        var dotnet = Path.GetFileNameWithoutExtension(processPath) == "dotnet"
            ? processPath
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return (dotnet, [typeof(SandboxHost).Assembly.Location]);
    }

    private static string Tail(string path)
        => File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(20)) : "(nothing)";
}
