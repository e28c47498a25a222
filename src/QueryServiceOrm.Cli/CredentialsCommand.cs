using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using QueryServiceOrm.Cli.Profiles;
using QueryServiceOrm.Credentials;

namespace QueryServiceOrm.Cli;

/// <summary><c>qsorm credentials set|show|test [--profile NAME]</c>: named profiles, secrets never printed.</summary>
internal static class CredentialsCommand
{
    private const string DefaultProfile = "default";

    public static Command Create(TextReader input, TextWriter output)
    {
        var command = new Command("credentials", "Store, show and test connection profiles.");
        command.Subcommands.Add(Set(input, output));
        command.Subcommands.Add(Show(output));
        command.Subcommands.Add(Test(output));
        return command;
    }

    private static Option<string> Profile()
        => new("--profile", "-p") { Description = "The profile's name.", DefaultValueFactory = _ => DefaultProfile };

    private static Command Set(TextReader input, TextWriter output)
    {
        var profile = Profile();
        var host = new Option<string>("--host")
        {
            Description = "Host from the Credentials tab (acme.platform-query.adobe.io).",
            Required = true
        };
        var port = new Option<int>("--port") { Description = "80 or 5432.", DefaultValueFactory = _ => 80 };
        var database = new Option<string>("--database") { Description = "sandbox:target.", DefaultValueFactory = _ => "prod:all" };
        var user = new Option<string>("--user") { Description = "<ORGID>@AdobeOrg.", Required = true };
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Description = "Read the password or token from standard input (it never appears in the shell's history)."
        };
        var command = new Command("set", "Store a profile (the password is read from standard input).")
        {
            profile, host, port, database, user, passwordStdin
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!parse.GetValue(passwordStdin))
            {
                throw new ArgumentException(
                    "Give the password with --password-stdin (for example: printf '%s' \"$TOKEN\" | qsorm credentials set ... "
                    + "--password-stdin).");
            }

            var password = (await input.ReadToEndAsync(cancellationToken)).Trim();
            var settings = new Dictionary<string, string>
            {
                [QueryServiceCredentialKeys.Host] = parse.GetValue(host)!,
                [QueryServiceCredentialKeys.Port] = parse.GetValue(port).ToString(CultureInfo.InvariantCulture),
                [QueryServiceCredentialKeys.Database] = parse.GetValue(database)!,
                [QueryServiceCredentialKeys.Username] = parse.GetValue(user)!,
                [QueryServiceCredentialKeys.Password] = password,
            };

            // Checked as any credentials are, before it is stored: a missing or unsafe setting is refused now, not at first use.
            QueryServiceCredentials.FromConfiguration(new ConfigurationBuilder()
                .AddInMemoryCollection(
                    settings.ToDictionary(kv => QueryServiceCredentialKeys.Section + ":" + kv.Key, kv => (string?)kv.Value)).Build());
            var store = ProfileStore.ForUser();
            store.Save(parse.GetValue(profile)!, settings);
            await output.WriteLineAsync(
                $"Profile '{parse.GetValue(profile)}' stored in {store.PathOf(parse.GetValue(profile)!)} (readable by you only).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(TextWriter output)
    {
        var profile = Profile();
        var command = new Command("show", "Show a profile, secrets redacted.") { profile };
        command.SetAction(async (parse, _) =>
        {
            var credentials = ProfileStore.ForUser().Load(parse.GetValue(profile)!);
            await output.WriteLineAsync(credentials.ToString());
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Test(TextWriter output)
    {
        var profile = Profile();
        var command = new Command("test", "Connect with a profile and report the TLS version, the server version and the round-trip time.")
        {
            profile
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var db = CliContext.Create(ProfileStore.ForUser().Load(parse.GetValue(profile)!));
            var connection = await db.OpenConnectionAsync(cancellationToken);
            var watch = Stopwatch.StartNew();
            await using (var ping = new Npgsql.NpgsqlCommand("SELECT 1", connection))
            {
                await ping.ExecuteScalarAsync(cancellationToken);
            }

            watch.Stop();
            await output.WriteLineAsync(
                $"Connected to {connection.Host}:{connection.Port} over TLS ({await TlsVersionAsync(connection, cancellationToken)}).");
            await output.WriteLineAsync($"Server version: {connection.ServerVersion}.");
            await output.WriteLineAsync($"Round trip: {watch.Elapsed.TotalMilliseconds:F1} ms.");
            return ExitCodes.Success;
        });
        return command;
    }

    // PostgreSQL reports the TLS version of a session in pg_stat_ssl; the service's catalog may not, which is said plainly.
    private static async Task<string> TlsVersionAsync(Npgsql.NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new Npgsql.NpgsqlCommand("SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid()", connection);
            return await command.ExecuteScalarAsync(cancellationToken) as string ?? "version not reported";
        }
        catch (Npgsql.PostgresException)
        {
            return "version not reported by the server";
        }
    }
}
