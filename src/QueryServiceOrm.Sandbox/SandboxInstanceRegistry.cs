using System.Diagnostics;

namespace QueryServiceOrm.Sandbox;

/// <summary>
/// Keeps every sandbox's files under one folder with a record of the process that owns it, so a server
/// whose owner was killed is found and removed: at once by a watchdog that waits on the owner, and at
/// the latest by the next sandbox started on the machine.
/// </summary>
internal static class SandboxInstanceRegistry
{
    private const string OwnerFile = "owner";

    // Stops the server and removes the files once the owner is gone. The owner's start time guards against a recycled pid.
    // A container is removed with the docker CLI, which finds the engine as Testcontainers did (DOCKER_HOST is inherited).
    private const string WatchdogScript = """
        exec </dev/null >/dev/null 2>&1
        owner="$1"; started="$2"; dir="$3"; pgctl="$4"; runas="$5"
        alive() { [ "$(sed 's/.*) //' "/proc/$owner/stat" 2>/dev/null | cut -d' ' -f20)" = "$started" ]; }
        while alive; do sleep 1; done
        if [ -f "$dir/container" ]; then
          timeout 60 docker rm -f -v "$(cat "$dir/container")"
        elif [ -f "$dir/data/postmaster.pid" ]; then
          if [ -n "$runas" ]; then runuser -u "$runas" -- "$pgctl" stop -D "$dir/data" -m immediate -w; else "$pgctl" stop -D "$dir/data" -m immediate -w; fi
        fi
        rm -rf "$dir"
        """;

    public static string Root
        => Path.Combine(Path.GetTempPath(), $"qsorm-sandbox-{Environment.UserName}");

    public static string CreateInstanceDirectory(int ownerProcessId)
    {
        EnsurePrivateRoot();
        var directory = Path.Combine(
            Root, DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                        | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        WriteOwner(directory, ownerProcessId);
        return directory;
    }

    /// <summary>Records which process owns an instance; the instance is removed once that process is gone.</summary>
    public static void WriteOwner(string instanceDirectory, int ownerProcessId)
    {
        // Written aside and renamed into place, so a concurrent sweep never reads a half-written record.
        var temporary = Path.Combine(instanceDirectory, OwnerFile + ".tmp");
        File.WriteAllText(temporary, $"{ownerProcessId} {ProcessStartTicks(ownerProcessId) ?? "gone"}");
        File.Move(temporary, Path.Combine(instanceDirectory, OwnerFile), overwrite: true);
    }

    // The folder holds servers this user starts and stops: it must be this user's alone, and not a link planted by someone else.
    private static void EnsurePrivateRoot()
    {
        var root = new DirectoryInfo(Root);
        if (!root.Exists)
        {
            Directory.CreateDirectory(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            root.Refresh();
        }

        if (root.LinkTarget is not null || SandboxProcess.TryRunQuiet("stat", ["-c", "%u", Root])?.Trim() != SandboxProcess.UserId)
        {
            throw new SandboxException($"{Root} is not a folder owned by this user. Remove it, then start the sandbox again.");
        }

        // Other users may pass through (the server runs as postgres when started by root) but not list it.
        File.SetUnixFileMode(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                   | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
    }

    /// <summary>Starts the watchdog for an instance owned by a process; kill it when the instance is disposed normally.</summary>
    public static Process StartWatchdog(string instanceDirectory, PostgresBinaries? binaries, int ownerProcessId)
        => SandboxProcess.StartDetached(
            WatchdogScript,
            [
                ownerProcessId.ToString(CultureInfo.InvariantCulture),
                ProcessStartTicks(ownerProcessId) ?? "",
                instanceDirectory,
                binaries?.PgCtl ?? "",
                SandboxProcess.IsRoot ? SandboxProcess.ServerUser : "",
            ]);

    /// <summary>The server's data directory inside an instance directory.</summary>
    public static string DataDirectory(string instanceDirectory) => Path.Combine(instanceDirectory, "data");

    /// <summary>The folder of the server log inside an instance directory (a container writes it through a bind mount).</summary>
    public static string LogDirectory(string instanceDirectory) => Path.Combine(instanceDirectory, "log");

    /// <summary>The server log inside an instance directory.</summary>
    public static string LogFile(string instanceDirectory) => Path.Combine(LogDirectory(instanceDirectory), "server.log");

    /// <summary>The file naming an instance's container, while it has one.</summary>
    public static string ContainerFile(string instanceDirectory) => Path.Combine(instanceDirectory, "container");

    /// <summary>Removes the instance's container if it left one (a host that was killed), through the docker CLI.</summary>
    public static void RemoveLeftoverContainer(string instanceDirectory)
    {
        var file = ContainerFile(instanceDirectory);
        if (File.Exists(file))
        {
            SandboxProcess.TryRunQuiet("timeout", ["60", "docker", "rm", "-f", "-v", File.ReadAllText(file).Trim()]);
        }
    }

    /// <summary>Stops the instance's server if it left a pid file (pg_ctl stop, waiting up to the timeout).</summary>
    public static async Task StopServerAsync(
        PostgresBinaries binaries, string instanceDirectory, string mode, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var data = DataDirectory(instanceDirectory);
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            await SandboxProcess.RunAsServerUserAsync(
                binaries.PgCtl, ["stop", "-D", data, "-m", mode, "-w", "-t", timeoutSeconds.ToString(CultureInfo.InvariantCulture)],
                cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Stops and removes every instance whose owner process no longer runs.</summary>
    public static async Task<int> SweepOrphansAsync(PostgresBinaries? binaries, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var removed = 0;
        foreach (var directory in Directory.GetDirectories(Root))
        {
            if (IsOwnerAlive(directory))
            {
                continue;
            }

            RemoveLeftoverContainer(directory);
            try
            {
                // pg_ctl's own default wait; without the programs (a machine with containers only) no local server was started.
                if (binaries is not null)
                {
                    await StopServerAsync(binaries, directory, "immediate", 60, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (SandboxException)
            {
                // The server may already be gone with a stale pid file; removing the files is what matters.
            }

            try
            {
                Directory.Delete(directory, recursive: true);
                removed++;
            }
            catch (DirectoryNotFoundException)
            {
                // Another sweep got there first.
            }
        }

        return removed;
    }

    /// <summary>
    /// Asks the instance's owner to end (SIGTERM, which the host of a sandbox answers by stopping it) and waits for it, at
    /// most <paramref name="timeout"/>; false if it still runs.
    /// </summary>
    public static async Task<bool> TerminateOwnerAsync(string instanceDirectory, int ownerProcessId, TimeSpan timeout)
    {
        if (!IsOwnerAlive(instanceDirectory))
        {
            return true;
        }

        SandboxProcess.TryRunQuiet("kill", ["-TERM", ownerProcessId.ToString(CultureInfo.InvariantCulture)]);
        var deadline = DateTime.UtcNow + timeout;
        while (Directory.Exists(instanceDirectory) && IsOwnerAlive(instanceDirectory))
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Whether the process recorded as the instance's owner still runs (the same process, not a recycled pid).</summary>
    public static bool IsOwnerAlive(string directory)
    {
        string[] owner;
        try
        {
            owner = File.ReadAllText(Path.Combine(directory, OwnerFile)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException)
        {
            // No owner record: either being created right now, or broken. Leave young folders alone.
            return Directory.GetCreationTimeUtc(directory) > DateTime.UtcNow.AddMinutes(-5);
        }

        // A record that does not parse is treated like a missing one: only young folders are spared.
        return owner.Length == 2 && int.TryParse(owner[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? ProcessStartTicks(pid) == owner[1]
            : Directory.GetCreationTimeUtc(directory) > DateTime.UtcNow.AddMinutes(-5);
    }

    // Field 22 of /proc/<pid>/stat: the process start time, which differs for a recycled pid.
    private static string? ProcessStartTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[19];
        }
        catch (Exception e) when (e is IOException
            or UnauthorizedAccessException
            or IndexOutOfRangeException
            or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
