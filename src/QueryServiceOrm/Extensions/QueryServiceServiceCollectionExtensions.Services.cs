using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Storage.Internal;
using QueryServiceOrm.ChangeTracking;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Metadata.Conventions;
using QueryServiceOrm.Migrations;
using QueryServiceOrm.Query;
using QueryServiceOrm.Storage;
using QueryServiceOrm.Update;
using QueryServiceOrm.Xdm;

// ReSharper disable once CheckNamespace
namespace Microsoft.Extensions.DependencyInjection;

public static partial class QueryServiceServiceCollectionExtensions
{
    /// <summary>
    /// Adds the library's EF services to an internal service provider an application builds itself, after
    /// <c>AddEntityFrameworkNpgsql()</c>; <c>UseQueryService</c> adds them on its own otherwise. The options they read
    /// (dialect, token provider, query options) come from the first context's <c>UseQueryService</c>.
    /// </summary>
    /// <param name="serviceCollection">The internal service provider's services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddEntityFrameworkQueryService(this IServiceCollection serviceCollection)
    {
        ArgumentNullException.ThrowIfNull(serviceCollection);
        new EntityFrameworkNpgsqlServicesBuilder(serviceCollection)
            .TryAdd<INpgsqlDataSourceConfigurationPlugin, QueryServiceDataSourceConfigurationPlugin>();

        // Plugins are consulted before Npgsql's translators, so these replace its translations of the same members.
        new EntityFrameworkRelationalServicesBuilder(serviceCollection)
            .TryAdd<ISingletonOptions, QueryServiceSingletonOptions>(p => p.GetRequiredService<QueryServiceSingletonOptions>())
            .TryAdd<IConventionSetPlugin, QueryServiceConventionSetPlugin>()
            .TryAdd<IRelationalTypeMappingSourcePlugin, QueryServiceTypeMappingSourcePlugin>()
            .TryAdd<IMethodCallTranslatorPlugin, QueryServiceMethodCallTranslatorPlugin>()
            .TryAdd<IMemberTranslatorPlugin, QueryServiceMemberTranslatorPlugin>()
            .TryAdd<IEvaluatableExpressionFilterPlugin, QueryServiceEvaluatableExpressionFilterPlugin>()
            .TryAdd<IInterceptor, ServerErrorInterceptor>()
            .TryAdd<IInterceptor, AppendOnlySaveChangesInterceptor>()
            .TryAddProviderSpecificServices(services => services
                .TryAddSingleton<QueryServiceSingletonOptions, QueryServiceSingletonOptions>()
                .TryAddSingleton(p => new SqlDialect(p.GetRequiredService<QueryServiceSingletonOptions>().Dialect))
                // One cache of XDM value mappings per service provider, not per context: building one costs reflection.
                .TryAddSingleton<XdmTypeMappings, XdmTypeMappings>()
                .TryAddScoped(p => p.GetRequiredService<IDbContextOptions>().FindExtension<QueryServiceOptionsExtension>()!.AppendOptions)
                .TryAddScoped(p => p.GetRequiredService<IDbContextOptions>().FindExtension<QueryServiceOptionsExtension>()!.QueryOptions)
                .TryAddScoped<CommandJournal, CommandJournal>());

        // Replace, not TryAdd: Npgsql registers its own first. Replace also wins if the order is ever reversed, because
        // Npgsql only TryAdds.
        serviceCollection.Replace(ServiceDescriptor.Singleton<ISqlGenerationHelper, QueryServiceSqlGenerationHelper>());
        serviceCollection.Replace(ServiceDescriptor.Singleton<IRelationalCommandBuilderFactory, QueryServiceRelationalCommandBuilderFactory>());
        serviceCollection.Replace(ServiceDescriptor.Singleton<IQuerySqlGeneratorFactory, QueryServiceQuerySqlGeneratorFactory>());
        serviceCollection.Replace(ServiceDescriptor.Scoped<IRelationalParameterBasedSqlProcessorFactory, QueryServiceParameterBasedSqlProcessorFactory>());
        serviceCollection.Replace(ServiceDescriptor.Scoped<IExecutionStrategyFactory, QueryServiceExecutionStrategyFactory>());
        serviceCollection.Replace(ServiceDescriptor.Scoped<IQueryTranslationPreprocessorFactory, QueryServiceQueryTranslationPreprocessorFactory>());
        serviceCollection.Replace(ServiceDescriptor.Scoped<IModificationCommandBatchFactory, QueryServiceModificationCommandBatchFactory>());
        serviceCollection.Replace(ServiceDescriptor.Scoped<IBatchExecutor, QueryServiceBatchExecutor>());
        serviceCollection.Replace(ServiceDescriptor.Scoped<IQueryableMethodTranslatingExpressionVisitorFactory, QueryServiceQueryableMethodTranslatingExpressionVisitorFactory>());
        serviceCollection.Replace(ServiceDescriptor.Scoped<IMigrationsSqlGenerator, QueryServiceMigrationsSqlGenerator>());
        serviceCollection.Replace(ServiceDescriptor.Scoped<IHistoryRepository, QueryServiceHistoryRepository>());
        serviceCollection.Replace(ServiceDescriptor.Scoped<IMigrator, QueryServiceMigrator>());
#pragma warning disable EF1001 // EF's state manager and Npgsql's connection are internal; the library's own replace them.
        serviceCollection.Replace(ServiceDescriptor.Scoped<IStateManager, QueryServiceStateManager>());
        serviceCollection.Replace(ServiceDescriptor.Scoped<INpgsqlRelationalConnection, QueryServiceRelationalConnection>());
#pragma warning restore EF1001
        DecorateModelDiffer(serviceCollection);
        return serviceCollection;
    }

    // EF's own differ (an internal type, so taken from its registration, not named) stays the one that diffs.
    private static void DecorateModelDiffer(IServiceCollection serviceCollection)
    {
        var registered = serviceCollection.LastOrDefault(d => d.ServiceType == typeof(IMigrationsModelDiffer))
                         ?? throw new InvalidOperationException("Call AddEntityFrameworkNpgsql() before AddEntityFrameworkQueryService(): the library builds on Npgsql's services.");
        if (registered.ImplementationType is not { } differ)
        {
            return; // Already the decorator's factory: the services were added twice.
        }

        serviceCollection.TryAdd(ServiceDescriptor.Describe(differ, differ, registered.Lifetime));
        serviceCollection.Replace(ServiceDescriptor.Describe(
            typeof(IMigrationsModelDiffer),
            p => new QueryServiceMigrationsModelDiffer(
                (IMigrationsModelDiffer)p.GetRequiredService(differ), p.GetRequiredService<IDiagnosticsLogger<DbLoggerCategory.Migrations>>()),
            registered.Lifetime));
    }
}
