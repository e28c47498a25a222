using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Migrations;
using QueryServiceOrm.Metadata.Conventions;
using QueryServiceOrm.Query;
using QueryServiceOrm.Storage;
using QueryServiceOrm.Update;
using QueryServiceOrm.Xdm;

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
    /// <param name="queryOptions">How queries are written and checked.</param>
    /// <param name="appendOptions">How appends are cut into statements (the defaults when null).</param>
    public QueryServiceOptionsExtension(
        QueryServiceDialect dialect, QueryServiceAccessTokenProvider? accessTokenProvider, QueryServiceQueryOptions queryOptions,
        QueryServiceAppendOptions? appendOptions = null)
    {
        ArgumentNullException.ThrowIfNull(queryOptions);
        Dialect = dialect;
        AccessTokenProvider = accessTokenProvider;
        QueryOptions = queryOptions.Validate();
        AppendOptions = (appendOptions ?? new QueryServiceAppendOptions()).Validate();
    }

    /// <summary>The SQL dialect.</summary>
    public QueryServiceDialect Dialect { get; }

    /// <summary>The OAuth token provider, or null for a fixed password.</summary>
    public QueryServiceAccessTokenProvider? AccessTokenProvider { get; }

    /// <summary>How queries are written and checked.</summary>
    public QueryServiceQueryOptions QueryOptions { get; }

    /// <summary>How appends are cut into statements; read per context, so not part of the service provider's identity.</summary>
    public QueryServiceAppendOptions AppendOptions { get; }

    /// <inheritdoc />
    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    /// <inheritdoc />
    public void ApplyServices(IServiceCollection services)
    {
        services.AddSingleton(SqlDialect.For(Dialect));
        services.AddSingleton(QueryOptions);
        services.AddScoped(p => p.GetRequiredService<IDbContextOptions>().FindExtension<QueryServiceOptionsExtension>()!.AppendOptions);

        // One cache of XDM value mappings per service provider, not per context: building one costs reflection.
        services.AddSingleton<XdmTypeMappings>();
        new EntityFrameworkNpgsqlServicesBuilder(services)
            .TryAdd<INpgsqlDataSourceConfigurationPlugin>(new QueryServiceDataSourceConfigurationPlugin(AccessTokenProvider));

        // Plugins are consulted before Npgsql's translators, so these replace its translations of the same members.
        new EntityFrameworkRelationalServicesBuilder(services)
            .TryAdd<IConventionSetPlugin, QueryServiceConventionSetPlugin>()
            .TryAdd<IMethodCallTranslatorPlugin, QueryServiceMethodCallTranslatorPlugin>()
            .TryAdd<IMemberTranslatorPlugin, QueryServiceMemberTranslatorPlugin>()
            .TryAdd<IEvaluatableExpressionFilterPlugin, QueryServiceEvaluatableExpressionFilterPlugin>()
            .TryAdd<IInterceptor, QueryServiceReaderInterceptor>()
            .TryAdd<IInterceptor, ExecutionTrackingInterceptor>()
            .TryAdd<IInterceptor, AppendOnlySaveChangesInterceptor>();
        services.AddSingleton(this);
        services.AddScoped<CommandJournal>();

        // Replace, not TryAdd: Npgsql's extension registers its own first. Replace also wins if the order is ever reversed,
        // because Npgsql only TryAdds.
        services.Replace(ServiceDescriptor.Singleton<ISqlGenerationHelper, QueryServiceSqlGenerationHelper>());
        services.Replace(ServiceDescriptor.Singleton<IQuerySqlGeneratorFactory, QueryServiceQuerySqlGeneratorFactory>());
        services.Replace(ServiceDescriptor.Scoped<IRelationalParameterBasedSqlProcessorFactory, QueryServiceParameterBasedSqlProcessorFactory>());
        services.Replace(ServiceDescriptor.Scoped<IExecutionStrategyFactory, QueryServiceExecutionStrategyFactory>());
        services.Replace(ServiceDescriptor.Scoped<IQueryTranslationPreprocessorFactory, QueryServiceQueryTranslationPreprocessorFactory>());
        services.Replace(ServiceDescriptor.Scoped<IModificationCommandBatchFactory, QueryServiceModificationCommandBatchFactory>());
        services.Replace(ServiceDescriptor.Scoped<IBatchExecutor, QueryServiceBatchExecutor>());
        services.Replace(ServiceDescriptor.Scoped<IQueryableMethodTranslatingExpressionVisitorFactory, QueryServiceQueryableMethodTranslatingExpressionVisitorFactory>());
        services.Replace(ServiceDescriptor.Scoped<IMigrationsSqlGenerator, QueryServiceMigrationsSqlGenerator>());
        services.Replace(ServiceDescriptor.Scoped<IHistoryRepository, QueryServiceHistoryRepository>());
        services.Replace(ServiceDescriptor.Scoped<IMigrator, QueryServiceMigrator>());
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

        public override string LogFragment
            => $"QueryService(Dialect={Extension.Dialect}, ParameterMode={Extension.QueryOptions.ParameterMode}, " +
               $"RowLimitBehavior={Extension.QueryOptions.RowLimitBehavior}, RowCap={Extension.QueryOptions.RowCap}) ";

        // Everything here shapes singleton services, and the token provider's plugin lives in the internal service provider.
        public override int GetServiceProviderHashCode()
            => HashCode.Combine(Extension.Dialect, Extension.AccessTokenProvider, Extension.QueryOptions);

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other)
            => other is ExtensionInfo info
               && info.Extension.Dialect == Extension.Dialect
               && ReferenceEquals(info.Extension.AccessTokenProvider, Extension.AccessTokenProvider)
               && info.Extension.QueryOptions == Extension.QueryOptions;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
            debugInfo["QueryService:Dialect"] = Extension.Dialect.ToString();
            debugInfo["QueryService:OAuth"] = (Extension.AccessTokenProvider is not null).ToString();
        }
    }
}
