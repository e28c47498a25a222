using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Storage;

namespace QueryServiceOrm.Infrastructure;

/// <summary>
/// The Query Service options of a context. It sits beside Npgsql's provider extension (it is not a
/// provider itself) and is the one place where the library adds or replaces EF and Npgsql services.
/// </summary>
public sealed class QueryServiceOptionsExtension : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    /// <summary>Creates the extension.</summary>
    /// <param name="dialect">The SQL dialect.</param>
    /// <param name="accessTokenProvider">The OAuth token provider, when tokens rotate.</param>
    public QueryServiceOptionsExtension(QueryServiceDialect dialect, QueryServiceAccessTokenProvider? accessTokenProvider)
    {
        Dialect = dialect;
        AccessTokenProvider = accessTokenProvider;
    }

    /// <summary>The SQL dialect.</summary>
    public QueryServiceDialect Dialect { get; }

    /// <summary>The OAuth token provider, or null for a fixed password.</summary>
    public QueryServiceAccessTokenProvider? AccessTokenProvider { get; }

    /// <inheritdoc />
    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    /// <inheritdoc />
    public void ApplyServices(IServiceCollection services)
    {
        services.AddSingleton(SqlDialect.For(Dialect));
        new EntityFrameworkNpgsqlServicesBuilder(services)
            .TryAdd<INpgsqlDataSourceConfigurationPlugin>(new QueryServiceDataSourceConfigurationPlugin(AccessTokenProvider));
    }

    /// <inheritdoc />
    public void Validate(IDbContextOptions options)
    {
        var npgsqlAssembly = typeof(NpgsqlDbContextOptionsBuilder).Assembly;
        if (!options.Extensions.Any(e => e.Info.IsDatabaseProvider && e.GetType().Assembly == npgsqlAssembly))
        {
            throw new InvalidOperationException(
                "The Query Service options need Npgsql as the database provider; configure the context with UseQueryService(...).");
        }
    }

    private sealed class ExtensionInfo(QueryServiceOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private new QueryServiceOptionsExtension Extension => (QueryServiceOptionsExtension)base.Extension;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"QueryService(Dialect={Extension.Dialect}) ";

        // The token provider is part of the identity: its plugin lives in the internal service provider.
        public override int GetServiceProviderHashCode()
            => HashCode.Combine(Extension.Dialect, Extension.AccessTokenProvider);

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other)
            => other is ExtensionInfo info
               && info.Extension.Dialect == Extension.Dialect
               && ReferenceEquals(info.Extension.AccessTokenProvider, Extension.AccessTokenProvider);

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
            debugInfo["QueryService:Dialect"] = Extension.Dialect.ToString();
            debugInfo["QueryService:OAuth"] = (Extension.AccessTokenProvider is not null).ToString();
        }
    }
}
