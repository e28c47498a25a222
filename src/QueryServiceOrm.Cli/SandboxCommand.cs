using QueryServiceOrm.Cli.Profiles;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Sandbox;
using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Cli;

/// <summary>
/// <c>qsorm sandbox start|stop|status|seed|env</c>: the local Query Service emulator, kept running between commands by a
/// host process of its own, its connection stored as the profile <c>sandbox</c> and its state (secrets included) owner-only
/// beside it.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class SandboxCommand
{
    public const string Profile = ProfileStore.SandboxProfile;

    public static Command Create(CliConsole console)
    {
        var command = new Command("sandbox", "Run a local Query Service emulator (TLS only, the service's SQL) for trying things out.");
        command.Subcommands.Add(Start(console));
        command.Subcommands.Add(Serve());
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

        return SandboxHost.TryReadState(path) is { } state && QueryServiceSandbox.Attach(state) is { IsRunning: true } sandbox
            ? sandbox
            : null;
    }

    // For the commands that act on a running sandbox.
    private static QueryServiceSandbox RunningOrRefuse(ProfileStore store)
        => Running(store) ?? throw new ArgumentException("No sandbox is running: start one with 'qsorm sandbox start'.");

    private static Command Start(CliConsole console)
    {
        var rows = RowsOption(100, "Rows per XDM sample table created at start.");
        var empty = new Option<bool>("--empty") { Description = "Start without the XDM sample tables." };
        var (container, image) = BackendOptions();
        var command = new Command(
            "start", "Start the sandbox with the XDM sample tables and store its connection as the profile 'sandbox'.")
        {
            rows, empty, container, image,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = ProfileStore.ForUser();
            if (Running(store) is { } running)
            {
                throw new ArgumentException(
                    $"A sandbox is already running on {running.Host}:{running.Port}: use it (--profile {Profile}), "
                    + "or stop it first with 'qsorm sandbox stop'.");
            }

            var sandbox = await StartAsync(
                store,
                console,
                cancellationToken,
                BackendArguments(parse.GetValue(container), parse.GetValue(image) ?? QueryServiceSandboxOptions.DefaultContainerImage));
            if (!parse.GetValue(empty) && parse.GetValue(rows) > 0)
            {
                await SeedAsync(sandbox, parse.GetValue(rows), console, cancellationToken);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Starts a sandbox that outlives this process (in a host process of its own), its state and its profile stored.</summary>
    /// <param name="store">The user's profiles.</param>
    /// <param name="console">Where progress goes.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="backend">
    /// The host's backend options (<c>--container</c>, <c>--image NAME</c>); none for this machine's server programs.
    /// </param>
    public static async Task<QueryServiceSandbox> StartAsync(
        ProfileStore store, CliConsole console, CancellationToken cancellationToken, IReadOnlyList<string>? backend = null)
    {
        var sandbox = await console.StatusAsync(
            "Starting the sandbox (the Query Service emulator, TLS with a certificate made for this run)...",
            () => SandboxHost.SpawnAsync(store, StatePath(store), backend ?? [], cancellationToken));
        await console.Output.WriteLineAsync(
            $"Sandbox running on {sandbox.Host}:{sandbox.Port}, database {sandbox.Database}, {Describe(sandbox.Backend)}; "
            + $"profile '{Profile}'.");
        return sandbox;
    }

    private static string Describe(SandboxBackendKind backend)
        => backend == SandboxBackendKind.Container ? "backend in a container" : "backend from this machine's PostgreSQL";

    private static (Option<bool> Container, Option<string> Image) BackendOptions()
        => (new Option<bool>("--container")
            {
                Description = "Run the backend PostgreSQL in a container through Testcontainers (needs a Docker engine) "
                    + "instead of from this machine's server programs.",
            },
            new Option<string>("--image")
            {
                Description = "The container's image, with the official postgres image's contract "
                    + $"(with --container; {QueryServiceSandboxOptions.DefaultContainerImage} by default).",
                DefaultValueFactory = _ => QueryServiceSandboxOptions.DefaultContainerImage,
            });

    private static string[] BackendArguments(bool container, string image) => container ? ["--container", "--image", image] : [];

    // What 'start' runs detached: the sandbox's host, silent, until 'stop' signals it.
    private static Command Serve()
    {
        var (container, image) = BackendOptions();
        var command = new Command("serve", "Host the sandbox in this process until stopped (what 'sandbox start' runs in the background).")
        {
            container, image,
        };
        command.Hidden = true;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = ProfileStore.ForUser();
            var options = new QueryServiceSandboxOptions
            {
                Backend = parse.GetValue(container) ? SandboxBackendKind.Container : SandboxBackendKind.Local,
                ContainerImage = parse.GetValue(image) ?? QueryServiceSandboxOptions.DefaultContainerImage,
            };
            await SandboxHost.ServeAsync(
                options,
                sandbox =>
                {
                    store.Save(
                        Profile,
                        sandbox.EnvironmentVariables().ToDictionary(
                            kv => kv.Key[(QueryServiceCredentialKeys.Section.Length + 2)..], kv => kv.Value));
                    store.WritePrivate(StatePath(store), JsonSerializer.Serialize(sandbox.State));
                    return Task.CompletedTask;
                },
                cancellationToken);
            return ExitCodes.Success;
        });
        return command;
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
            var sandbox = Running(ProfileStore.ForUser());
            await output.WriteLineAsync(sandbox is not null
                ? $"Running on {sandbox.Host}:{sandbox.Port}, database {sandbox.Database}, {Describe(sandbox.Backend)}; "
                    + $"profile '{Profile}'."
                : "Not running: start it with 'qsorm sandbox start'.");
            return sandbox is null ? ExitCodes.NotRunning : ExitCodes.Success;
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
    // POSIX shell (the sandbox's token-like password holds quotes, spaces and other shell characters on purpose). The
    // dialect's switches come from the sandbox's profile, where qsorm doctor --write puts them.
    // With --connection-string, one line for dotnet ef: "$(qsorm sandbox env --connection-string)", quoted by Npgsql's rules.
    private static Command Env(TextWriter output)
    {
        var connectionString = new Option<bool>("--connection-string")
        {
            Description = "Print the connection string instead, "
                + "for dotnet ef dbcontext scaffold \"$(qsorm sandbox env --connection-string)\".",
        };
        var oauth = new Option<bool>("--oauth")
        {
            Description = "OAuth settings alone: client id and secret, organisation, sandbox name, token endpoint and REST API; the "
                          + "host, database and user come from the API's /connection_parameters (what batch jobs and qsorm jobs need too).",
        };
        var command = new Command("env", "Print the sandbox's QueryService__* variables as shell exports (eval \"$(qsorm sandbox env)\").")
        {
            connectionString, oauth,
        };
        command.SetAction(async (parse, _) =>
        {
            var store = ProfileStore.ForUser();
            var sandbox = RunningOrRefuse(store);
            if (parse.GetValue(connectionString))
            {
                await output.WriteLineAsync(sandbox.ConnectionString());
                return ExitCodes.Success;
            }

            var dialect = store.Load(Profile).Dialect;
            var switches = dialect == QueryServiceDialect.Default
                ? []
                : dialect.ToSettings().Select(kv => (QueryServiceCredentialKeys.EnvironmentVariable(kv.Key), kv.Value));
            var variables = parse.GetValue(oauth) ? sandbox.OAuthEnvironmentVariables() : sandbox.EnvironmentVariables();
            foreach (var (name, value) in variables.Select(kv => (kv.Key, kv.Value))
                .Concat(switches)
                .OrderBy(kv => kv.Item1, StringComparer.Ordinal))
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
