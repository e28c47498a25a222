using QueryServiceOrm.Credentials;
using QueryServiceOrm.Rest;

// ReSharper disable once CheckNamespace
namespace Microsoft.Extensions.DependencyInjection;

public static partial class QueryServiceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="QueryServiceRestClient"/> (the REST API, for batch jobs) for the credentials of
    /// <typeparamref name="TContext"/>, registered before with <c>AddQueryServiceDbContext</c> or a sibling: the client uses
    /// the same OAuth token provider as the context's connections, so one token serves both. Its HttpClient comes from
    /// <see cref="IHttpClientFactory"/>, with the API's headers and retries of transient failures.
    /// </summary>
    /// <typeparam name="TContext">The context whose credentials the client uses.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes to the options derived from the credentials (base address, polling, retries).</param>
    /// <returns>The client's builder, for further HttpClient configuration.</returns>
    public static IHttpClientBuilder AddQueryServiceRestClient<TContext>(
        this IServiceCollection services, Func<QueryServiceRestOptions, QueryServiceRestOptions>? configure = null)
        where TContext : DbContext
        => AddRestClient(services, p => p.GetKeyedService<QueryServiceCredentials>(typeof(TContext))
            ?? throw new InvalidOperationException(
                $"AddQueryServiceRestClient<{typeof(TContext).Name}> found no credentials for {typeof(TContext).Name}: "
                + $"call AddQueryServiceDbContext<{typeof(TContext).Name}>(configuration) first."),
            configure);

    /// <summary>
    /// Registers <see cref="QueryServiceRestClient"/> for the given OAuth credentials (an application without a context,
    /// such as a job runner).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="credentials">OAuth credentials (ClientId, ClientSecret, OrganizationId).</param>
    /// <param name="configure">Changes to the options derived from the credentials.</param>
    /// <returns>The client's builder, for further HttpClient configuration.</returns>
    public static IHttpClientBuilder AddQueryServiceRestClient(
        this IServiceCollection services,
        QueryServiceCredentials credentials,
        Func<QueryServiceRestOptions, QueryServiceRestOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return AddRestClient(services, _ => credentials, configure);
    }

    private static IHttpClientBuilder AddRestClient(
        IServiceCollection services,
        Func<IServiceProvider, QueryServiceCredentials> credentials,
        Func<QueryServiceRestOptions, QueryServiceRestOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(p =>
        {
            var options = QueryServiceRestOptions.For(credentials(p));
            options = configure?.Invoke(options) ?? options;
            options.Validate();
            return options;
        });

        // The retry pipeline is outside the authentication handler, so every attempt carries the current token.
        var builder = services.AddHttpClient<QueryServiceRestClient>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(p =>
            {
                var options = p.GetRequiredService<QueryServiceRestOptions>();
                return QueryServiceRestHandlers.Create(options.RootCertificate, options.AttemptTimeout);
            });
        builder.AddResilienceHandler(
            QueryServiceRestResilience.PipelineName,
            (pipeline, context) => QueryServiceRestResilience.Configure(
                pipeline, context.ServiceProvider.GetRequiredService<QueryServiceRestOptions>()));
        return builder.AddHttpMessageHandler(p => new QueryServiceRestAuthenticationHandler(
            credentials(p).AccessTokenProvider!, p.GetRequiredService<QueryServiceRestOptions>()));
    }
}
