using System.Reflection;
using QueryServiceOrm.Credentials;

namespace QueryServiceOrm.Infrastructure;

/// <summary>
/// Creates contexts connected to Query Service, like SQLAlchemy's <c>create_engine</c>: the options are
/// built once, and neither building the factory nor creating a context opens a connection.
/// </summary>
/// <typeparam name="TContext">
/// A context with a public constructor taking <see cref="DbContextOptions{TContext}"/> (or <see cref="DbContextOptions"/>).
/// </typeparam>
public sealed class QueryServiceDbContextFactory<TContext> : IDbContextFactory<TContext>
    where TContext : DbContext
{
    private static readonly Func<DbContextOptions<TContext>, TContext> Create = CompileConstructor();

    /// <summary>Builds the options for the given credentials.</summary>
    /// <param name="credentials">Where and how to connect; validated here.</param>
    /// <param name="configure">Further Query Service options.</param>
    /// <param name="configureContext">Further EF options (logging, interceptors...).</param>
    /// <exception cref="QueryServiceConfigurationException">A setting is missing or unsafe.</exception>
    public QueryServiceDbContextFactory(
        QueryServiceCredentials credentials,
        Action<QueryServiceDbContextOptionsBuilder>? configure = null,
        Action<DbContextOptionsBuilder<TContext>>? configureContext = null)
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        configureContext?.Invoke(builder);
        Options = builder.UseQueryService(credentials, configure).Options;
    }

    /// <summary>The options every created context gets.</summary>
    public DbContextOptions<TContext> Options { get; }

    /// <inheritdoc />
    public TContext CreateDbContext() => Create(Options);

    private static Func<DbContextOptions<TContext>, TContext> CompileConstructor()
    {
        var constructor = typeof(TContext).GetConstructor([typeof(DbContextOptions<TContext>)])
                          ?? typeof(TContext).GetConstructor([typeof(DbContextOptions)]);
        if (constructor is null)
        {
            return _ => throw new InvalidOperationException(
                $"{typeof(TContext).Name} needs a public constructor taking DbContextOptions<{typeof(TContext).Name}> " +
                "to be created by QueryServiceDbContextFactory.");
        }

        var options = Expression.Parameter(typeof(DbContextOptions<TContext>), "options");
        var argument = Expression.Convert(options, constructor.GetParameters()[0].ParameterType);
        return Expression.Lambda<Func<DbContextOptions<TContext>, TContext>>(Expression.New(constructor, argument), options).Compile();
    }
}
