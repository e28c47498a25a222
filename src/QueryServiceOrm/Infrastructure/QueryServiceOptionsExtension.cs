using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using QueryServiceOrm.Credentials;

namespace QueryServiceOrm.Infrastructure;

/// <summary>
/// The Query Service options of a context. It sits beside Npgsql's provider extension (it is not a provider itself); its
/// services are the registration chain of <c>AddEntityFrameworkQueryService</c>.
/// </summary>
internal sealed class QueryServiceOptionsExtension : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    /// <summary>Creates the extension.</summary>
    /// <param name="dialect">The dialect's switches.</param>
    /// <param name="accessTokenProvider">The OAuth token provider, when tokens rotate.</param>
    /// <param name="queryOptions">How queries are written and checked.</param>
    /// <param name="appendOptions">How appends are cut into statements (the defaults when null).</param>
    public QueryServiceOptionsExtension(
        QueryServiceDialect dialect, QueryServiceAccessTokenProvider? accessTokenProvider, QueryServiceQueryOptions queryOptions,
        QueryServiceAppendOptions? appendOptions = null)
    {
        ArgumentNullException.ThrowIfNull(queryOptions);
        Dialect = (dialect ?? throw new ArgumentNullException(nameof(dialect))).Validate();
        AccessTokenProvider = accessTokenProvider;
        QueryOptions = queryOptions.Validate();
        AppendOptions = (appendOptions ?? new QueryServiceAppendOptions()).Validate();
    }

    /// <summary>The dialect's switches.</summary>
    public QueryServiceDialect Dialect { get; }

    /// <summary>The OAuth token provider, or null for a fixed password.</summary>
    public QueryServiceAccessTokenProvider? AccessTokenProvider { get; }

    /// <summary>
    /// How queries are written and checked. Only the row cap shapes singleton services (the SQL generator's cached
    /// commands); the retry settings are read per context, so they are not part of the service provider's identity.
    /// </summary>
    public QueryServiceQueryOptions QueryOptions { get; }

    /// <summary>How appends are cut into statements; read per context, so not part of the service provider's identity.</summary>
    public QueryServiceAppendOptions AppendOptions { get; }

    /// <summary>
    /// Where the wire's host, port, database and user come from when the credentials name a sandbox but no host; null
    /// otherwise. Read per context (shared by the contexts of one credentials instance), so not part of the service
    /// provider's identity.
    /// </summary>
    public ConnectionParametersSource? ConnectionParameters { get; init; }

    /// <inheritdoc />
    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    /// <inheritdoc />
    public void ApplyServices(IServiceCollection services) => services.AddEntityFrameworkQueryService();

    /// <inheritdoc />
    public void Validate(IDbContextOptions options)
    {
        var extensions = options.Extensions.ToList();
        var npgsqlAssembly = typeof(NpgsqlDbContextOptionsBuilder).Assembly;
        var npgsql = extensions.FindIndex(e => e.Info.IsDatabaseProvider && e.GetType().Assembly == npgsqlAssembly);
        if (npgsql < 0)
        {
            throw new InvalidOperationException(
                "The Query Service options need Npgsql as the database provider; configure the context with UseQueryService(...).");
        }

        // An application's own internal service provider gets no ApplyServices: without the library's services Npgsql's SQL
        // (::casts, # for XOR) would reach the service, so the context stops here, before any statement.
        var internalServiceProvider = options.FindExtension<CoreOptionsExtension>()?.InternalServiceProvider;
        if (internalServiceProvider is not null && internalServiceProvider.GetService<QueryServiceSingletonOptions>() is null)
        {
            throw new InvalidOperationException(
                "UseQueryService needs the Query Service services in the internal service provider given to UseInternalServiceProvider: "
                + "build it with services.AddEntityFrameworkQueryService(), or do not call UseInternalServiceProvider.");
        }

        // EF applies services in the extensions' order; Npgsql's first would win every service the library TryAdds.
        if (internalServiceProvider is null && npgsql < extensions.IndexOf(this))
        {
            throw new InvalidOperationException(
                "UseNpgsql was called before UseQueryService on these options: UseQueryService configures Npgsql itself, "
                + "so remove the UseNpgsql call (Npgsql's options can be set through UseQueryService's configure action).");
        }
    }

    private sealed class ExtensionInfo(QueryServiceOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private new QueryServiceOptionsExtension Extension => (QueryServiceOptionsExtension)base.Extension;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment
            => $"QueryService({Extension.Dialect}, RowCap={Extension.QueryOptions.RowCap}) ";

        // Everything here shapes singleton services, and the token provider's plugin lives in the internal service provider.
        public override int GetServiceProviderHashCode()
            => HashCode.Combine(Extension.Dialect, Extension.AccessTokenProvider, Extension.QueryOptions.RowCap);

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other)
            => other is ExtensionInfo info
               && info.Extension.Dialect == Extension.Dialect
               && ReferenceEquals(info.Extension.AccessTokenProvider, Extension.AccessTokenProvider)
               && info.Extension.QueryOptions.RowCap == Extension.QueryOptions.RowCap;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
            debugInfo["QueryService:Dialect"] = Extension.Dialect.ToString();
            debugInfo["QueryService:AccessTokenProvider"] = Extension.AccessTokenProvider is null
                ? "none"
                : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Extension.AccessTokenProvider)
                    .ToString(System.Globalization.CultureInfo.InvariantCulture);
            debugInfo["QueryService:RowCap"] = Extension.QueryOptions.RowCap.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
