using System.Diagnostics;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using QueryServiceOrm.Cli.Profiles;
using QueryServiceOrm.Sandbox;
using QueryServiceOrm.Sandbox.Xdm;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace QueryServiceOrm.Cli.Demo;

/// <summary>
/// <c>qsorm demo</c>: the whole library in one command. Without a profile it uses the local sandbox (started for the
/// demo when none runs) with fresh XDM sample data; it lists the tables, scaffolds them into a temporary project, builds
/// it and runs its LINQ reads over nested fields, an append, an INSERT INTO ... SELECT and a CTAS, printing each step's
/// SQL, rows and time.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class DemoCommand
{
    private static readonly XdmSampleTables Sample = XdmSampleData.TablesFor(XdmSampleData.DefaultPrefix);
    private static readonly string[] SampleTables = [Sample.Events, Sample.Profiles, Sample.Flat];

    // Objects in cells: text as it reads, not JSON's \u0022-style escapes of quotes and non-ASCII letters.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliConsole console)
    {
        var profile = new Option<string?>("--profile", "-p")
        {
            Description = "Run against this profile's server, which must hold the XDM sample tables, instead of the local sandbox."
        };
        var rows = SandboxCommand.RowsOption(100, "Rows per sample table when the demo seeds the sandbox.");
        var keep = new Option<bool>("--keep")
        {
            Description = "Keep the generated project (its path is printed) and leave the sandbox running."
        };
        var command = new Command(
            "demo", "Sandbox, tables, scaffolding, a build and LINQ reads and writes, each step's SQL and rows printed.")
        {
            profile, rows, keep
        };
        command.SetAction(
            (parse, cancellationToken) => RunAsync(
                parse.GetValue(profile), parse.GetValue(rows), parse.GetValue(keep), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? profile, int rows, bool keep, CliConsole console, CancellationToken cancellationToken)
    {
        var store = ProfileStore.ForUser();
        QueryServiceSandbox? started = null;
        var project = Path.Combine(Path.GetTempPath(), "qsorm-demo-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            if (profile is null)
            {
                Heading(console, "1. The sandbox");
                var clock = Stopwatch.StartNew();
                var sandbox = SandboxCommand.Running(store);
                if (sandbox is null)
                {
                    sandbox = started = await SandboxCommand.StartAsync(store, console, cancellationToken);
                }
                else
                {
                    await console.Output.WriteLineAsync($"Using the sandbox running on {sandbox.Host}:{sandbox.Port}.");
                }

                await SandboxCommand.SeedAsync(sandbox, rows, console, cancellationToken);
                await console.Output.WriteLineAsync(Took("Ready", clock.Elapsed.TotalSeconds));
                profile = SandboxCommand.Profile;
            }

            return await RunStepsAsync(store, profile, project, console, cancellationToken);
        }
        finally
        {
            // A failure or Ctrl+C anywhere, the seed included, still stops the sandbox the demo started.
            if (keep)
            {
                await console.Output.WriteLineAsync($"The project is kept in {project}; run it again with 'dotnet run' there.");
            }
            else
            {
                if (Directory.Exists(project))
                {
                    Directory.Delete(project, recursive: true);
                }

                if (started is not null)
                {
                    await SandboxCommand.StopAsync(store, started);
                    await console.Output.WriteLineAsync("The demo's sandbox is stopped (--keep leaves it running).");
                }
            }
        }
    }

    private static async Task<int> RunStepsAsync(
        ProfileStore store, string profile, string directory, CliConsole console, CancellationToken cancellationToken)
    {
        var credentials = store.Load(profile);
        await using var db = CliContext.Create(credentials);

        Heading(console, "2. The tables (SHOW TABLES)");
        var clock = Stopwatch.StartNew();
        var tables = await db.Database.GetTableNamesAsync(cancellationToken);
        console.Out.Write(Table(console, ["table"], tables.Select(t => new[] { t })));
        await console.Output.WriteLineAsync(Took(Counted.Of(tables.Count, "table"), clock.Elapsed.TotalSeconds));
        var missing = SampleTables.Except(tables, StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"The demo reads the XDM sample tables, and profile '{profile}' has no {string.Join(", ", missing)}: run 'qsorm demo' "
                + $"without --profile to use the local sandbox.");
        }

        Heading(console, "3. Scaffolding the sample tables into C# classes");
        clock.Restart();
        var files = await ScaffoldCommand.GenerateAsync(
            db, ScaffoldCommand.Server(credentials), SampleTables, [], DemoProject.ModelOptions, console, cancellationToken);
        console.Out.Write(
            Table(console, ["class", "file"], files.Select(f => new[] { Path.GetFileNameWithoutExtension(f.Path), "Model/" + f.Path })));
        await console.Output.WriteLineAsync(Took(Counted.Of(files.Count, "file"), clock.Elapsed.TotalSeconds));

        Heading(console, "4. Building the project");
        clock.Restart();
        var project = DemoProject.Write(directory, files, await File.ReadAllTextAsync(store.PathOf(profile), cancellationToken));
        var buildErrors = await console.StatusAsync($"dotnet build in {project.Directory}...", () => project.BuildAsync(cancellationToken));
        if (buildErrors is not null)
        {
            await console.Errors.WriteLineAsync(
                $"error: the demo project did not build: check that the .NET SDK can restore packages (dotnet restore), or run with "
                + $"--keep and build it yourself.{Environment.NewLine}{buildErrors}");
            return ExitCodes.UserError;
        }

        await console.Output.WriteLineAsync(Took("Built", clock.Elapsed.TotalSeconds));

        Heading(console, "5. Running it: LINQ reads and writes");
        var programErrors = new List<string>();
        var exit = await project.RunAsync(
            line =>
            {
                if (line.StartsWith('{'))
                {
                    ShowStep(console, line);
                }
                else
                {
                    programErrors.Add(line);
                }
            },
            cancellationToken);
        if (exit != 0)
        {
            await console.Errors.WriteLineAsync(
                $"error: the demo program failed (exit code {exit}):{Environment.NewLine}"
                + $"{string.Join(Environment.NewLine, programErrors)}");
            return ExitCodes.ServerError;
        }

        return ExitCodes.Success;
    }

    private static void Heading(CliConsole console, string title)
        => console.Out.Write(
            new Rule($"[bold deepskyblue1]{Markup.Escape(title)}[/]")
            {
                Justification = Justify.Left,
                Border = console.PlainOut ? BoxBorder.Ascii : BoxBorder.Square
            });

    // One step of the demo program: a title, the SQL sent, the rows (objects whose nested values print as JSON) and its time.
    private static void ShowStep(CliConsole console, string json)
    {
        using var step = JsonDocument.Parse(json);
        var root = step.RootElement;
        Heading(console, root.GetProperty("title").GetString()!);
        console.Out.Write(new Panel(new Text(root.GetProperty("sql").GetString()!, new Style(Color.Yellow)))
        {
            Header = new PanelHeader("SQL"), Expand = true, Border = console.PlainOut ? BoxBorder.Ascii : BoxBorder.Rounded,
        });
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        if (rows.Count > 0)
        {
            var columns = rows[0].EnumerateObject().Select(p => p.Name).ToList();
            console.Out.Write(Table(console, columns, rows.Select(r => columns.Select(c => Cell(r.GetProperty(c))).ToArray())));
        }

        console.Out.WriteLine(Took(Counted.Of(rows.Count, "row"), root.GetProperty("seconds").GetDouble()));
    }

    // A sum of doubles carries binary noise (3573.0099999999998): 15 significant digits, what a double holds, print 3573.01.
    private static string Cell(JsonElement value)
        => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Null => "",
            JsonValueKind.Number => value.TryGetInt64(out var whole)
                ? whole.ToString(CultureInfo.InvariantCulture)
                : value.GetDouble().ToString("G15", CultureInfo.InvariantCulture),
            JsonValueKind.Object or JsonValueKind.Array => JsonSerializer.Serialize(value, Readable),
            _ => value.GetRawText(),
        };

    private static string Took(string what, double seconds) => string.Create(CultureInfo.InvariantCulture, $"{what} in {seconds:0.00} s.");

    private static Table Table(CliConsole console, IEnumerable<string> columns, IEnumerable<string[]> rows)
    {
        var table = new Table { Border = console.PlainOut ? TableBorder.Ascii : TableBorder.Square };
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column)));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(IRenderable (v) => new Text(v)));
        }

        return table;
    }
}
