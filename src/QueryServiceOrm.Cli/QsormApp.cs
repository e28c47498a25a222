using System.Net.Sockets;
using Npgsql;
using QueryServiceOrm.Cli.Demo;
using QueryServiceOrm.Credentials;

namespace QueryServiceOrm.Cli;

/// <summary>The qsorm command line: its commands, and failures turned into exit codes and messages that say what to do.</summary>
internal static class QsormApp
{
    private const string CancelledMessage = "Cancelled: nothing was written.";

    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default, TextReader? input = null)
    {
        var console = new CliConsole(output, errors);
        var noColor = new Option<bool>("--no-color")
        {
            Description = "Plain text: no colors, no spinners (also when NO_COLOR is set or the output is not a terminal).",
            Recursive = true,
        };
        var root = new RootCommand("qsorm: work with Adobe Experience Platform Query Service datasets from .NET.")
        {
            noColor,
            ScaffoldCommand.Create(console),
            MigrateCommand.Create(console),
            TablesCommand.Create(output, errors),
            QueryCommand.Create(console),
            JobsCommand.Create(output, errors),
            TemplatesCommand.Create(output, errors),
            SchedulesCommand.Create(output, errors),
            CredentialsCommand.Create(input ?? TextReader.Null, output),
            Doctor.DoctorCommand.Create(output, errors),
        };

        // The sandbox runs PostgreSQL's own programs, which it finds on Unix systems only.
        if (!OperatingSystem.IsWindows())
        {
            root.Subcommands.Add(SandboxCommand.Create(console));
            root.Subcommands.Add(DemoCommand.Create(console));
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await errors.WriteLineAsync("error: " + error.Message);
            }

            await errors.WriteLineAsync("Run 'qsorm --help' for the commands and their options.");
            return ExitCodes.UserError;
        }

        console.Plain |= parse.GetValue(noColor);
        try
        {
            var code = await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = output, Error = errors, EnableDefaultExceptionHandler = false,

                // Time for an interrupted command to tell the server and clean up (a partial file) before the process ends.
                ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
            }, cancellationToken);

            // On Ctrl+C System.CommandLine cancels the action and answers 130 itself, so the catch below never sees it.
            if (code == ExitCodes.Cancelled)
            {
                await errors.WriteLineAsync(CancelledMessage);
            }

            return code;
        }
        catch (QueryServiceOrm.Migrations.QueryServiceMigrationException e)
        {
            await errors.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.UserError;
        }
        catch (QueryServiceConfigurationException e)
        {
            await errors.WriteLineAsync(e.Retired
                ? $"error: {e.Message} Remove it from the profile's file (with --profile), from ./appsettings.json (section QueryService) "
                    + $"and from the environment ({e.EnvironmentVariable})."
                : $"error: {e.Message} Set it in the profile's file (with --profile), in ./appsettings.json (section QueryService) "
                    + $"or as {e.EnvironmentVariable}.");
            return ExitCodes.UserError;
        }
        catch (Exception e) when (e is FileNotFoundException or ArgumentException or UnauthorizedAccessException or IOException
            or QueryServiceOrm.Sandbox.SandboxException)
        {
            await errors.WriteLineAsync("error: " + e.Message);
            return ExitCodes.UserError;
        }
        catch (OperationCanceledException)
        {
            await errors.WriteLineAsync(CancelledMessage);
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (InChain(e, x => x is QueryServiceConnectTimeoutException) is { } timedOut)
        {
            await errors.WriteLineAsync("error: " + timedOut.Message);
            return ExitCodes.ServerError;
        }
        catch (Exception e) when (ServerFailure(e) is PostgresException { SqlState: "28P01" or "28000" }
            or QueryServiceAuthenticationException)
        {
            await errors.WriteLineAsync(
                $"error: the server refused the credentials: {ServerFailure(e)!.Message} "
                + "Check the user name (<ORG>@AdobeOrg) and the password or token, or renew the token.");
            return ExitCodes.UserError;
        }
        catch (Exception e) when (ServerFailure(e) is PostgresException refused)
        {
            var what = refused.InvariantSeverity is "FATAL" or "PANIC" ? "the session" : "the statement";
            await errors.WriteLineAsync(
                $"error: the server refused {what}: {refused.MessageText} (SQLSTATE {refused.SqlState}). "
                + $"{ServerAdvice.For(refused.SqlState)}");
            if (!string.IsNullOrWhiteSpace(refused.Hint))
            {
                await errors.WriteLineAsync("hint: " + refused.Hint);
            }

            return ExitCodes.ServerError;
        }
        catch (Exception e) when (ServerFailure(e) is { } failure)
        {
            await errors.WriteLineAsync(
                $"error: the server could not be used: {failure.Message} "
                + "Check the host, port and credentials, and that the sandbox is running.");
            return ExitCodes.ServerError;
        }
    }

    // The failure that came from the server or the network, however deep the retries wrapped it.
    private static Exception? ServerFailure(Exception? exception)
        => InChain(exception, e => e is QueryServiceServerException or NpgsqlException or SocketException or TimeoutException);

    private static Exception? InChain(Exception? exception, Func<Exception, bool> match)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (match(exception))
            {
                return exception;
            }
        }

        return null;
    }
}
