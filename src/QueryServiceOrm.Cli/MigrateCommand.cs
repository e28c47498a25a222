using System.Reflection;
using System.Runtime.Loader;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace QueryServiceOrm.Cli;

/// <summary>
/// <c>qsorm migrate --assembly App.dll [--context C] [--target M] [--list | --script]</c>: applies (lists, or prints the
/// SQL of) the migrations of a built assembly's DbContext with the stored credentials, the way Query Service allows.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(CliConsole console)
    {
        var assembly = new Option<FileInfo>("--assembly", "-a")
        {
            Description = "The built assembly (.dll) that holds the DbContext and its migrations.",
            Required = true
        };
        var context = new Option<string?>("--context", "-c")
        {
            Description = "The DbContext class (name or full name) when the assembly has several."
        };
        var target = new Option<string?>("--target") { Description = "Apply up to this migration (name or id) instead of all." };
        var list = new Option<bool>("--list") { Description = "List the migrations, applied or pending, and change nothing." };
        var script = new Option<bool>("--script")
        {
            Description = "Print the SQL the migrations send, from the first, without connecting."
        };
        var historyTable = new Option<string?>("--history-table")
        {
            Description = "The history table, when the application sets one with MigrationsHistoryTable (default ef_migrations_history)."
        };
        var profile = CliCredentials.ProfileOption();
        var command = new Command("migrate", "Apply a DbContext's migrations (no transactions, nothing reverted).")
        {
            assembly, context, target, list, script, historyTable, profile
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(list) && result.GetValue(script))
            {
                result.AddError("--list and --script cannot be used together.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var contextType = FindContext(Load(parse.GetValue(assembly)!), parse.GetValue(context));
            await using var db = CreateContext(
                contextType, CliCredentials.Load(Environment.CurrentDirectory, parse.GetValue(profile)), parse.GetValue(historyTable));
            if (parse.GetValue(script))
            {
                await console.Output.WriteAsync(db.GetService<IMigrator>().GenerateScript(toMigration: parse.GetValue(target)));
                return ExitCodes.Success;
            }

            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var all = db.Database.GetMigrations().ToList();
            if (parse.GetValue(list))
            {
                foreach (var id in all)
                {
                    await console.Output.WriteLineAsync($"{id} {(applied.Contains(id) ? "applied" : "pending")}");
                }

                return ExitCodes.Success;
            }

            var pending = all.Where(id => !applied.Contains(id)).ToList();
            var to = parse.GetValue(target);
            if (to is not null && to != Migration.InitialDatabase)
            {
                var targetId = all.FirstOrDefault(id => id == to || id.EndsWith("_" + to, StringComparison.OrdinalIgnoreCase))
                               ?? throw new ArgumentException(
                                   $"{contextType.Name} has no migration named {to}: 'qsorm migrate --list' shows them.");
                pending = pending.Where(id => string.CompareOrdinal(id, targetId) <= 0).ToList();
            }

            try
            {
                await console.StatusAsync($"Applying {pending.Count} migration(s) to {contextType.Name}...", async () =>
                {
                    await db.Database.MigrateAsync(to, cancellationToken);
                    return true;
                });
            }
            catch (InvalidOperationException e)
            {
                // EF's own refusals before anything is sent: a model ahead of its migrations, a seeder missing.
                throw new ArgumentException(e.Message, e);
            }
            foreach (var id in pending)
            {
                await console.Output.WriteLineAsync($"Applied {id}");
            }

            await console.Output.WriteLineAsync(
                pending.Count == 0 ? "Nothing to apply: the database is up to date." : $"{pending.Count} migration(s) applied.");
            return ExitCodes.Success;
        });
        return command;
    }

    // The assembly and its own dependencies (from its .deps.json); those qsorm already runs (EF Core, this library) are shared.
    private static Assembly Load(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new FileNotFoundException(
                $"There is no assembly at {file.FullName}: build the project first (dotnet build) and give the path of its .dll.",
                file.FullName);
        }

        var resolver = new AssemblyDependencyResolver(file.FullName);
        AssemblyLoadContext.Default.Resolving += (loadContext, name)
            => resolver.ResolveAssemblyToPath(name) is { } path ? loadContext.LoadFromAssemblyPath(path) : null;
        return AssemblyLoadContext.Default.LoadFromAssemblyPath(file.FullName);
    }

    private static Type FindContext(Assembly assembly, string? name)
    {
        var contexts = assembly.GetTypes()
            .Where(t => typeof(DbContext).IsAssignableFrom(t) && t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .ToList();
        var matches = name is null ? contexts : contexts.Where(t => t.Name == name || t.FullName == name).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 when name is not null => throw new ArgumentException(
                $"{assembly.GetName().Name} has no DbContext named {name}; it has: {Names(contexts)}."),
            0 => throw new ArgumentException(
                $"{assembly.GetName().Name} has no DbContext: give the assembly of the project that defines yours."),
            _ => throw new ArgumentException(
                $"{assembly.GetName().Name} has several DbContexts ({Names(contexts)}): choose one with --context."),
        };

        static string Names(IEnumerable<Type> types) => string.Join(", ", types.Select(t => t.Name));
    }

    private static DbContext CreateContext(Type contextType, Credentials.QueryServiceCredentials credentials, string? historyTable)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        builder.UseQueryService(credentials, o =>
        {
            o.ApplicationName("qsorm");
            if (historyTable is not null)
            {
                o.MigrationsHistoryTable(historyTable);
            }
        });
        var constructor = contextType.GetConstructor([typeof(DbContextOptions<>).MakeGenericType(contextType)])
            ?? contextType.GetConstructor([typeof(DbContextOptions)])
            ?? throw new ArgumentException(
                $"{contextType.Name} needs a public constructor taking DbContextOptions<{contextType.Name}> for qsorm to give it the "
                + $"stored credentials.");
        return (DbContext)constructor.Invoke([builder.Options]);
    }
}
