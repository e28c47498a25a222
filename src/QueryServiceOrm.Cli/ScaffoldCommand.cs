using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QueryServiceOrm.Design;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Scaffolding;

namespace QueryServiceOrm.Cli;

/// <summary>
/// <c>qsorm scaffold</c>: reads the datasets (nested structures included) with the stored credentials and writes one
/// entity class per table, one class per distinct XDM object and a DbContext.
/// </summary>
internal static class ScaffoldCommand
{
    public static Command Create(CliConsole console)
    {
        var tables = new Option<string[]>("--table", "-t")
        {
            Description = "Only these tables (repeat the option, or separate with spaces).",
            AllowMultipleArgumentsPerToken = true
        };
        var schemas = new Option<string[]>("--schema")
        {
            Description = "Only the tables of these schemas.",
            AllowMultipleArgumentsPerToken = true
        };
        var outputDirectory = new Option<string>("--output", "-o")
        {
            Description = "The directory the files go to.",
            DefaultValueFactory = _ => "."
        };
        var ns = new Option<string>("--namespace", "-n")
        {
            Description = "The namespace of the generated classes.",
            DefaultValueFactory = _ => "QueryServiceModel"
        };
        var context = new Option<string>("--context", "-c")
        {
            Description = "The DbContext class name.",
            DefaultValueFactory = _ => "QueryServiceContext"
        };
        var force = new Option<bool>("--force", "-f") { Description = "Overwrite files that exist." };
        var profile = CliCredentials.ProfileOption();
        var command = new Command("scaffold", "Write C# entity classes, nested XDM classes and a DbContext for the datasets.")
        {
            tables, schemas, outputDirectory, ns, context, force, profile,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(tables)
                ?? [], parse.GetValue(schemas)
                ?? [], parse.GetValue(outputDirectory)!, parse.GetValue(ns)!, parse.GetValue(context)!,
            parse.GetValue(force), parse.GetValue(profile), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string[] tables, string[] schemas, string directory, string ns, string contextName, bool force, string? profile, CliConsole console,
        CancellationToken cancellationToken)
    {
        var credentials = CliCredentials.Load(Environment.CurrentDirectory, profile);
        await using var db = CliContext.Create(credentials);
        var files = await GenerateAsync(
            db, Server(credentials), tables, schemas, new QueryServiceScaffoldOptions(ns, contextName), console, cancellationToken);
        var errors = console.Errors;
        var output = console.Output;

        Directory.CreateDirectory(directory);
        var existing = files.Select(f => Path.Combine(directory, f.Path)).Where(File.Exists).ToList();
        if (existing.Count > 0 && !force)
        {
            await errors.WriteLineAsync(
                $"error: {existing.Count} files exist already ({Path.GetFileName(existing[0])}{(existing.Count > 1 ? ", ..." : "")}): "
                + $"add --force to overwrite them, or choose another --output.");
            return ExitCodes.UserError;
        }

        // Written beside the output first and moved in at the end: a failure or a cancel leaves the output as it was.
        var staging = Directory.CreateDirectory(Path.Combine(directory, ".qsorm-" + Guid.NewGuid().ToString("N")[..8]));
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                await File.WriteAllTextAsync(Path.Combine(staging.FullName, files[i].Path), files[i].Content, cancellationToken);
                if (files.Count > 50 && (i + 1) % 50 == 0)
                {
                    await errors.WriteLineAsync($"  {i + 1}/{files.Count} files written");
                }
            }

            foreach (var file in files)
            {
                File.Move(Path.Combine(staging.FullName, file.Path), Path.Combine(directory, file.Path), overwrite: true);
                await output.WriteLineAsync(file.Path);
            }
        }
        finally
        {
            staging.Delete(recursive: true);
        }

        return ExitCodes.Success;
    }

    // With OAuth settings alone the host comes from the API when the first session opens.
    internal static string Server(QueryServiceOrm.Credentials.QueryServiceCredentials credentials)
        => string.IsNullOrEmpty(credentials.Host) ? $"sandbox {credentials.SandboxName}" : credentials.Host;

    /// <summary>Reads the datasets and generates the classes, without writing them; warnings and counts go to standard error.</summary>
    /// <exception cref="ArgumentException">A table asked for does not exist.</exception>
    public static async Task<IReadOnlyList<ScaffoldedFile>> GenerateAsync(
        CliContext db, string host, string[] tables, string[] schemas, QueryServiceScaffoldOptions options, CliConsole console,
        CancellationToken cancellationToken)
    {
        var services = new ServiceCollection().AddSingleton(LoggerFactory.Create(b => b.AddProvider(new WarningWriter(console.Errors))));
        new QueryServiceDesignTimeServices().ConfigureDesignTimeServices(services);
        await using var provider = services.BuildServiceProvider();
        var factory = (QueryServiceDatabaseModelFactory)provider.GetRequiredService<IDatabaseModelFactory>();

        var connection = await db.OpenConnectionAsync(cancellationToken);
        var reading = await console.StatusAsync(
            $"Reading the datasets of {host}...",
            () => Task.FromResult(factory.ReadCatalog(connection, new DatabaseModelFactoryOptions(tables, schemas))));
        var model = reading.Model;
        var missing = tables.Where(t => !model.Tables.Any(m => string.Equals(m.Name, t, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"No table named {string.Join(", ", missing)}: run 'qsorm tables' (or leave out --table) to see the names.");
        }

        var files = QueryServiceScaffolder.Generate(reading, options);
        await console.Errors.WriteLineAsync(
            $"{Counted.Of(model.Tables.Count, "table")} in {Counted.Of(reading.RoundTrips, "round trip")}; "
            + $"{Counted.Of(files.Count, "file")}.");
        return files;
    }

    // Scaffolding's warnings (catalog fallbacks) go to standard error, one line each; the one about nested columns scaffolded
    // as JSON text is for dotnet ef's path, since qsorm writes classes for them.
    private sealed class WarningWriter(TextWriter errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel) && eventId != Diagnostics.QueryServiceEventId.NestedColumnsAsJson)
            {
                errors.WriteLine("warning: " + formatter(state, exception));
            }
        }
    }
}
