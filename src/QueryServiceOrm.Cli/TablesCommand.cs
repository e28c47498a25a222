using Microsoft.EntityFrameworkCore;

namespace QueryServiceOrm.Cli;

/// <summary><c>qsorm tables [--json]</c>: the table names, as the Python guide's first example lists them.</summary>
internal static class TablesCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of one name a line." };
        var profile = CliCredentials.ProfileOption();
        var command = new Command("tables", "List the tables (SHOW TABLES on the service).") { json, profile };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var db = CliContext.Create(CliCredentials.Load(Environment.CurrentDirectory, parse.GetValue(profile)));
            var names = await db.Database.GetTableNamesAsync(cancellationToken);
            if (names.Count == 0)
            {
                await errors.WriteLineAsync(
                    "No tables. (A sandbox started with --empty gets the sample tables from 'qsorm sandbox seed'.)");
            }

            await output.WriteLineAsync(parse.GetValue(json) ? JsonSerializer.Serialize(names) : string.Join(Environment.NewLine, names));
            return ExitCodes.Success;
        });
        return command;
    }
}
