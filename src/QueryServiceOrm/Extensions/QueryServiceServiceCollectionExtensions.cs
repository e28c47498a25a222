using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;

// ReSharper disable once CheckNamespace
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers Query Service contexts with dependency injection. The credentials are read from the
/// <c>QueryService</c> configuration section once, when the first context is resolved, and shared (so an
/// OAuth token is fetched once for all contexts); resolving a context opens no connection.
/// </summary>
public static partial class QueryServiceServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TContext"/> as a scoped service connected to Query Service.</summary>
    /// <typeparam name="TContext">The context type.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration holding the <c>QueryService</c> section.</param>
    /// <param name="configure">Further Query Service options.</param>
    /// <param name="configureContext">Further EF options.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddQueryServiceDbContext<TContext>(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<QueryServiceDbContextOptionsBuilder>? configure = null,
        Action<IServiceProvider, DbContextOptionsBuilder>? configureContext = null)
        where TContext : DbContext
        => Register<TContext>(services, configuration, configure, configureContext, (s, options) => s.AddDbContext<TContext>(options));

    /// <summary>Registers an <see cref="IDbContextFactory{TContext}"/> (singleton) for Query Service.</summary>
    /// <typeparam name="TContext">The context type.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration holding the <c>QueryService</c> section.</param>
    /// <param name="configure">Further Query Service options.</param>
    /// <param name="configureContext">Further EF options.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddQueryServiceDbContextFactory<TContext>(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<QueryServiceDbContextOptionsBuilder>? configure = null,
        Action<IServiceProvider, DbContextOptionsBuilder>? configureContext = null)
        where TContext : DbContext
        => Register<TContext>(
            services, configuration, configure, configureContext, (s, options) => s.AddDbContextFactory<TContext>(options));

    /// <summary>Registers <typeparamref name="TContext"/> with EF context pooling, for Query Service.</summary>
    /// <typeparam name="TContext">The context type.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration holding the <c>QueryService</c> section.</param>
    /// <param name="configure">Further Query Service options.</param>
    /// <param name="poolSize">How many context instances the pool keeps (not database sessions: see MaxPoolSize).</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddQueryServiceDbContextPool<TContext>(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<QueryServiceDbContextOptionsBuilder>? configure = null,
        int poolSize = 1024)
        where TContext : DbContext
        => Register<TContext>(services, configuration, configure, null, (s, options) => s.AddDbContextPool<TContext>(options, poolSize));

    /// <summary>Registers a pooled <see cref="IDbContextFactory{TContext}"/> for Query Service.</summary>
    /// <typeparam name="TContext">The context type.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration holding the <c>QueryService</c> section.</param>
    /// <param name="configure">Further Query Service options.</param>
    /// <param name="poolSize">How many context instances the pool keeps.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddQueryServicePooledDbContextFactory<TContext>(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<QueryServiceDbContextOptionsBuilder>? configure = null,
        int poolSize = 1024)
        where TContext : DbContext
        => Register<TContext>(
            services, configuration, configure, null, (s, options) => s.AddPooledDbContextFactory<TContext>(options, poolSize));

    private static IServiceCollection Register<TContext>(
        IServiceCollection services,
        IConfiguration configuration,
        Action<QueryServiceDbContextOptionsBuilder>? configure,
        Action<IServiceProvider, DbContextOptionsBuilder>? configureContext,
        Func<IServiceCollection, Action<IServiceProvider, DbContextOptionsBuilder>, IServiceCollection> addContext)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Keyed by context type, so two contexts can be registered from two configurations.
        services.TryAddKeyedSingleton(typeof(TContext), (_, _) => QueryServiceCredentials.FromConfiguration(configuration));
        return addContext(services, (serviceProvider, options) =>
        {
            configureContext?.Invoke(serviceProvider, options);
            options.UseQueryService(serviceProvider.GetRequiredKeyedService<QueryServiceCredentials>(typeof(TContext)), configure);
        });
    }
}
