namespace QueryServiceOrm.Cli.Doctor;

/// <summary>
/// <c>qsorm doctor [--profile P] [--write] [--timeout S]</c>: probes the server for the forms of SQL Adobe leaves open, prints
/// one line per probe and the <c>QueryService:Dialect</c> settings they give, and with <c>--write</c> merges those into
/// the file the credentials came from.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var profile = CliCredentials.ProfileOption();
        var write = new Option<bool>("--write")
        {
            Description = "Merge the settings into the profile's file, or into ./appsettings.json without --profile."
        };
        var timeout = new Option<int>("--timeout") { Description = "Seconds each probe may take.", DefaultValueFactory = _ => 30 };
        var command = new Command(
            "doctor",
            "Probe the server's SQL (quoting, OFFSET, explode, float width, bind parameters...) and print the Dialect settings it accepts.")
        {
            profile, write, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(timeout) is > 0 and var s
                ? s
                : throw new ArgumentException("--timeout takes a positive number of seconds.");
            var directory = Environment.CurrentDirectory;
            await using var db = CliContext.Create(CliCredentials.Load(directory, parse.GetValue(profile)));
            var connection = await db.OpenConnectionAsync(cancellationToken);
            await errors.WriteLineAsync(
                $"Probing {connection.Host}:{connection.Port}, each probe for up to {seconds} s; nothing is changed but a scratch table, "
                + $"dropped at the end.");
            var dialect = await new DialectProbes(
                new ProbeSession(connection, TimeSpan.FromSeconds(seconds)), output, errors).RunAsync(cancellationToken);
            await output.WriteLineAsync(DialectSettingsFile.ToText(dialect));
            if (parse.GetValue(write))
            {
                await WriteAsync(directory, parse.GetValue(profile), dialect, output, errors);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteAsync(
        string directory, string? profile, Infrastructure.QueryServiceDialect dialect, TextWriter output, TextWriter errors)
    {
        var path = DialectSettingsFile.Write(directory, profile, dialect);
        await output.WriteLineAsync($"Wrote the Dialect settings to {path}.");
        foreach (var variable in profile is null ? DialectSettingsFile.OverridingVariables(dialect) : [])
        {
            await errors.WriteLineAsync($"warning: {variable} is set and takes precedence over {path}: unset it to use what was written.");
        }
    }
}
