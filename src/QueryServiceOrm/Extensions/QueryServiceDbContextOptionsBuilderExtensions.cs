using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;

// Public extension methods live where EF users look for them.
// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Configures a context to use Adobe Experience Platform Query Service.</summary>
public static class QueryServiceDbContextOptionsBuilderExtensions
{
    /// <summary>
    /// Connects the context to Query Service through Npgsql, set up for the service: TLS required, type
    /// loading off, no reset on close, no automatic preparation, GSS encryption off, a small pool. Queries track nothing
    /// unless asked (<c>AsTracking()</c>, or <c>UseQueryTrackingBehavior</c> after this call): the data lake does not enforce
    /// keys, and a tracking query would give records that share a key as one object. The
    /// credentials are validated here; no connection is opened until the first query. Credentials that name a sandbox but no
    /// host get the wire's host, port, database and user from the REST API's <c>/connection_parameters</c> at the first open.
    /// </summary>
    /// <param name="optionsBuilder">The options being built.</param>
    /// <param name="credentials">Where and how to connect.</param>
    /// <param name="configure">Further Query Service options.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="QueryServiceConfigurationException">A setting is missing or unsafe.</exception>
    public static DbContextOptionsBuilder UseQueryService(
        this DbContextOptionsBuilder optionsBuilder,
        QueryServiceCredentials credentials,
        Action<QueryServiceDbContextOptionsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        ArgumentNullException.ThrowIfNull(credentials);
        credentials.Validate();

        var queryServiceOptions = new QueryServiceDbContextOptionsBuilder(optionsBuilder, credentials);
        configure?.Invoke(queryServiceOptions);
        var settings = queryServiceOptions.Settings;

        // Before Npgsql's extension: EF applies extensions' services in order, and the library's TryAdds must come first.
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(
            new QueryServiceOptionsExtension(
                queryServiceOptions.DialectSwitches,
                credentials.AccessTokenProvider,
                queryServiceOptions.QueryOptions,
                queryServiceOptions.AppendOptions)
            {
                ConnectionParameters = credentials.ReadsConnectionParameters ? ConnectionParametersSource.For(credentials) : null,
            });
        optionsBuilder.UseNpgsql(
            settings.ToConnectionStringBuilder(credentials).ConnectionString,
            npgsql =>
            {
                npgsql.CommandTimeout((int)Math.Ceiling(settings.CommandTimeout.TotalSeconds));

                // Either way a Contains over a list becomes an IN list, which the service documents (= ANY(array) it does not).
                npgsql.UseParameterizedCollectionMode(
                    queryServiceOptions.DialectSwitches.ParameterMode == QueryServiceParameterMode.Inline
                        ? ParameterTranslationMode.Constant
                        : ParameterTranslationMode.MultipleParameters);
                if (queryServiceOptions.DataSourceAction is { } configureDataSource)
                {
                    npgsql.ConfigureDataSource(configureDataSource);
                }

                if (queryServiceOptions.MigrationsHistoryTableName is { } historyTable)
                {
                    npgsql.MigrationsHistoryTable(historyTable);
                }

                if (queryServiceOptions.MigrationsAssemblyName is { } migrationsAssembly)
                {
                    npgsql.MigrationsAssembly(migrationsAssembly);
                }
            });

        // The data lake does not enforce keys: a tracking query would give two records sharing an _id as one object.
        if (optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.QueryTrackingBehavior is null or QueryTrackingBehavior.TrackAll)
        {
            optionsBuilder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        }

        return optionsBuilder;
    }

    /// <summary>
    /// Connects the context to Query Service with a connection string (the form <c>dotnet ef dbcontext scaffold</c>
    /// writes into a scaffolded context); see <see cref="QueryServiceCredentials.FromConnectionString(string)"/>. Prefer stored
    /// credentials (<see cref="QueryServiceCredentials.FromConfiguration"/>) to a password in source code.
    /// </summary>
    /// <param name="optionsBuilder">The options being built.</param>
    /// <param name="connectionString">
    /// Host, Port, Database, Username, Password, SSL Mode, and optionally Root Certificate and Application Name.
    /// </param>
    /// <param name="configure">Further Query Service options (an application name set here wins over the string's).</param>
    /// <returns>The same builder.</returns>
    public static DbContextOptionsBuilder UseQueryService(
        this DbContextOptionsBuilder optionsBuilder, string connectionString, Action<QueryServiceDbContextOptionsBuilder>? configure = null)
    {
        var credentials = QueryServiceCredentials.FromConnectionString(connectionString, out var applicationName);
        return optionsBuilder.UseQueryService(credentials, options =>
        {
            if (applicationName is not null)
            {
                options.ApplicationName(applicationName);
            }

            configure?.Invoke(options);
        });
    }

    /// <inheritdoc cref="UseQueryService(DbContextOptionsBuilder, string, Action{QueryServiceDbContextOptionsBuilder}?)"/>
    /// <typeparam name="TContext">The context type.</typeparam>
    public static DbContextOptionsBuilder<TContext> UseQueryService<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        string connectionString,
        Action<QueryServiceDbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseQueryService((DbContextOptionsBuilder)optionsBuilder, connectionString, configure);

    /// <summary>
    /// Connects the context to Query Service; see
    /// <see cref="UseQueryService(DbContextOptionsBuilder, QueryServiceCredentials, Action{QueryServiceDbContextOptionsBuilder}?)"/>.
    /// </summary>
    /// <typeparam name="TContext">The context type.</typeparam>
    /// <param name="optionsBuilder">The options being built.</param>
    /// <param name="credentials">Where and how to connect.</param>
    /// <param name="configure">Further Query Service options.</param>
    /// <returns>The same builder.</returns>
    public static DbContextOptionsBuilder<TContext> UseQueryService<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        QueryServiceCredentials credentials,
        Action<QueryServiceDbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseQueryService((DbContextOptionsBuilder)optionsBuilder, credentials, configure);
}
