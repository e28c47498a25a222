using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using QueryServiceOrm.Cli.Profiles;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Sandbox;
using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Cli;

/// <summary>
/// <c>qsorm sandbox start|stop|status|seed [--rows N]</c>: the local Query-Service-like server, left running between
/// commands, its connection stored as the profile <c>sandbox</c> and its state (passwords included) owner-only beside it.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class SandboxCommand
{
    public const string Profile = "sandbox";

    public static Command Create(CliConsole console)
    {
        var command = new Command("sandbox", "Run a local Query-Service-like server (PostgreSQL, TLS only) for trying things out.");
        command.Subcommands.Add(Start(console));
        command.Subcommands.Add(Stop(console.Output));
        command.Subcommands.Add(Status(console.Output));
        command.Subcommands.Add(Seed(console));
        command.Subcommands.Add(Env(console.Output));
        return command;
    }

    private static string StatePath(ProfileStore store) => Path.Combine(store.Directory, "sandbox-state.json");

    /// <summary>The running sandbox this user started, or null.</summary>
    public static QueryServiceSandbox? Running(ProfileStore store)
    {
        var path = StatePath(store);
        if (!File.Exists(path))
        {
            return null;
        }

        var sandbox = QueryServiceSandbox.Attach(JsonSerializer.Deserialize<QueryServiceSandboxState>(File.ReadAllText(path))!);
        return sandbox.IsRunning ? sandbox : null;
    }

    // For the commands that act on a running sandbox.
    private static QueryServiceSandbox RunningOrRefuse(ProfileStore store)
        => Running(store) ?? throw new ArgumentException("No sandbox is running: start one with 'qsorm sandbox start'.");

    private static Command Start(CliConsole console)
    {
        var rows = RowsOption(0, "Also create the XDM sample tables with this many rows.");
        var command = new Command("start", "Start the sandbox and store its connection as the profile 'sandbox'.") { rows };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = ProfileStore.ForUser();
            if (Running(store) is { } running)
            {
                throw new ArgumentException($"A sandbox is already running on {running.Host}:{running.Port}: use it (--profile {Profile}), or stop it first with 'qsorm sandbox stop'.");
            }

            var sandbox = await StartAsync(store, console, cancellationToken);
            if (parse.GetValue(rows) > 0)
            {
                await SeedAsync(sandbox, parse.GetValue(rows), console, cancellationToken);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Starts a sandbox that outlives this process, its state and its profile stored.</summary>
    public static async Task<QueryServiceSandbox> StartAsync(ProfileStore store, CliConsole console, CancellationToken cancellationToken)
    {
        var sandbox = await console.StatusAsync(
            "Starting the sandbox (PostgreSQL with TLS, a certificate made for this run)...",
            () => QueryServiceSandbox.StartAsync(new QueryServiceSandboxOptions { StopWithOwner = false }, cancellationToken));
        store.WritePrivate(StatePath(store), JsonSerializer.Serialize(sandbox.State));
        store.Save(Profile, sandbox.EnvironmentVariables().ToDictionary(kv => kv.Key[(QueryServiceCredentialKeys.Section.Length + 2)..], kv => kv.Value));
        await console.Output.WriteLineAsync($"Sandbox running on {sandbox.Host}:{sandbox.Port}, database {sandbox.Database}; profile '{Profile}'.");
        return sandbox;
    }

    private static Command Stop(TextWriter output)
    {
        var command = new Command("stop", "Stop the sandbox and delete its data and profile.");
        command.SetAction(async (_, _) =>
        {
            var store = ProfileStore.ForUser();
            await StopAsync(store, RunningOrRefuse(store));
            await output.WriteLineAsync("Sandbox stopped; its data and its profile are gone.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Stops the sandbox and forgets it: its data, state and profile are deleted.</summary>
    public static async Task StopAsync(ProfileStore store, QueryServiceSandbox sandbox)
    {
        await sandbox.StopAsync();
        File.Delete(StatePath(store));
        store.Delete(Profile);
    }

    private static Command Status(TextWriter output)
    {
        var command = new Command("status", "Say whether the sandbox runs, and where.");
        command.SetAction(async (_, _) =>
        {
            await output.WriteLineAsync(Running(ProfileStore.ForUser()) is { } sandbox
                ? $"Running on {sandbox.Host}:{sandbox.Port}, database {sandbox.Database}; profile '{Profile}'."
                : "Not running: start it with 'qsorm sandbox start'.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Seed(CliConsole console)
    {
        var rows = RowsOption(100, "Rows per sample table (100 to test, up to 10,000,000).");
        var command = new Command("seed", "Create (or replace) the XDM sample tables: events, profiles and a flat table.") { rows };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var sandbox = RunningOrRefuse(ProfileStore.ForUser());
            await SeedAsync(sandbox, parse.GetValue(rows), console, cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    // For programs that read the QueryService__* variables: eval "$(qsorm sandbox env)". Values are single-quoted for a
    // POSIX shell (the sandbox's token-like password holds quotes, spaces and other shell characters on purpose).
    private static Command Env(TextWriter output)
    {
        var command = new Command("env", "Print the sandbox's QueryService__* variables as shell exports (eval \"$(qsorm sandbox env)\").");
        command.SetAction(async (_, _) =>
        {
            var sandbox = RunningOrRefuse(ProfileStore.ForUser());
            foreach (var (name, value) in sandbox.EnvironmentVariables().OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                await output.WriteLineAsync($"export {name}='{value.Replace("'", "'\\''", StringComparison.Ordinal)}'");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The <c>--rows</c> option of the commands that seed.</summary>
    public static Option<int> RowsOption(int defaultRows, string description)
    {
        var option = new Option<int>("--rows") { Description = description, DefaultValueFactory = _ => defaultRows };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 10_000_000)
            {
                result.AddError("--rows must be between 0 and 10,000,000.");
            }
        });
        return option;
    }

    /// <summary>Creates (or replaces) the XDM sample tables.</summary>
    public static async Task SeedAsync(QueryServiceSandbox sandbox, int rows, CliConsole console, CancellationToken cancellationToken)
    {
        var tables = await console.StatusAsync(
            $"Creating the XDM sample tables with {rows.ToString("N0", CultureInfo.InvariantCulture)} rows each...",
            () => XdmSampleData.CreateAsync(sandbox, rows, cancellationToken: cancellationToken));
        await console.Output.WriteLineAsync($"Created {tables.Events}, {tables.Profiles} and {tables.Flat}.");
    }
}
