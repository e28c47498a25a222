using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Design;

/// <summary>
/// What <c>dotnet ef migrations add</c>, <c>database update</c> and <c>dbcontext optimize</c> use to make the context: the
/// <c>QueryService</c> section read as the application reads it (appsettings.json and appsettings.{environment}.json in
/// the project's folder, the user secrets of the subclass's assembly, <c>QueryService__*</c> variables, then the
/// arguments after <c>--</c>). A subclass is one line:
/// <code>public sealed class ContextFactory : QueryServiceDesignTimeDbContextFactory&lt;ReportingContext&gt;;</code>
/// </summary>
/// <typeparam name="TContext">The context, with a constructor taking <see cref="DbContextOptions{TContext}"/>.</typeparam>
public abstract class QueryServiceDesignTimeDbContextFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    /// <inheritdoc />
    /// <exception cref="QueryServiceConfigurationException">A setting is missing or unsafe; the message names it.</exception>
    public TContext CreateDbContext(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configuration = Configuration(args);
        return new QueryServiceDbContextFactory<TContext>(QueryServiceCredentials.FromConfiguration(configuration), Configure)
            .CreateDbContext();
    }

    /// <summary>Further Query Service options (the migrations history table, the pool...), as given to <c>UseQueryService</c>.</summary>
    /// <param name="options">The options.</param>
    protected virtual void Configure(QueryServiceDbContextOptionsBuilder options)
    {
    }

    // dotnet ef runs the design-time code in the startup project's folder, where its appsettings.json is.
    private IConfiguration Configuration(string[] args)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
        var builder = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true);
        if (environment is { Length: > 0 })
        {
            builder.AddJsonFile($"appsettings.{environment}.json", optional: true);
        }

        return builder
            .AddUserSecrets(GetType().Assembly, optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
    }
}
