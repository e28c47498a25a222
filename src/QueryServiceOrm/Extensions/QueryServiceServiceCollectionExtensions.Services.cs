using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;
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
    /// Adds the library's EF services, and Npgsql's under them, to an internal service provider an application builds
    /// itself; <c>UseQueryService</c> adds them on its own otherwise. Like a provider's <c>AddEntityFramework...</c>, every
    /// registration is a <c>TryAdd</c> made before Npgsql's, so the library's services win over Npgsql's and a service the
    /// application registered first wins over both. The options they read (dialect, token provider, row cap) come from the
    /// first context's <c>UseQueryService</c>.
    /// </summary>
    /// <param name="serviceCollection">The internal service provider's services.</param>
    /// <returns>The same services.</returns>
    /// <exception cref="InvalidOperationException">Npgsql's services were added first.</exception>
    public static IServiceCollection AddEntityFrameworkQueryService(this IServiceCollection serviceCollection)
    {
        ArgumentNullException.ThrowIfNull(serviceCollection);
        if (serviceCollection.Any(d => d.ServiceType == typeof(IQuerySqlGeneratorFactory))
            && !serviceCollection.Any(d => d.ServiceType == typeof(QueryServiceSingletonOptions)))
        {
            throw new InvalidOperationException(
                "AddEntityFrameworkNpgsql() was called before AddEntityFrameworkQueryService(), so Npgsql's SQL services would win: "
                + "call only AddEntityFrameworkQueryService(), which adds Npgsql's services after the library's.");
        }

        var npgsql = new EntityFrameworkNpgsqlServicesBuilder(serviceCollection)
            .TryAdd<INpgsqlDataSourceConfigurationPlugin, QueryServiceDataSourceConfigurationPlugin>();
#pragma warning disable EF1001 // Npgsql's connection is internal API; the library's derives from it to bound each open.
        npgsql.TryAddProviderSpecificServices(
            services => services.TryAddScoped<INpgsqlRelationalConnection, QueryServiceRelationalConnection>());
#pragma warning restore EF1001
        AddRelationalServices(new EntityFrameworkRelationalServicesBuilder(serviceCollection));
        return serviceCollection.AddEntityFrameworkNpgsql();
    }

    // Plugins are consulted before Npgsql's translators, so these replace its translations of the same members.
    private static void AddRelationalServices(EntityFrameworkRelationalServicesBuilder builder)
    {
#pragma warning disable EF1001 // EF's state manager is internal API; the library's derives from it.
        builder.TryAdd<IStateManager, QueryServiceStateManager>();
#pragma warning restore EF1001
        builder
            .TryAdd<ISingletonOptions, QueryServiceSingletonOptions>(p => p.GetRequiredService<QueryServiceSingletonOptions>())
            .TryAdd<IConventionSetPlugin, QueryServiceConventionSetPlugin>()
            .TryAdd<IRelationalTypeMappingSourcePlugin, QueryServiceTypeMappingSourcePlugin>()
            .TryAdd<IMethodCallTranslatorPlugin, QueryServiceMethodCallTranslatorPlugin>()
            .TryAdd<IMemberTranslatorPlugin, QueryServiceMemberTranslatorPlugin>()
            .TryAdd<IEvaluatableExpressionFilterPlugin, QueryServiceEvaluatableExpressionFilterPlugin>()
            .TryAdd<IInterceptor, ServerErrorInterceptor>()
            .TryAdd<IInterceptor, AppendOnlySaveChangesInterceptor>()
            .TryAdd<ISqlGenerationHelper, QueryServiceSqlGenerationHelper>()
            .TryAdd<IRelationalCommandBuilderFactory, QueryServiceRelationalCommandBuilderFactory>()
            .TryAdd<IQuerySqlGeneratorFactory, QueryServiceQuerySqlGeneratorFactory>()
            .TryAdd<IRelationalParameterBasedSqlProcessorFactory, QueryServiceParameterBasedSqlProcessorFactory>()
            .TryAdd<IExecutionStrategyFactory, QueryServiceExecutionStrategyFactory>()
            .TryAdd<IQueryTranslationPreprocessorFactory, QueryServiceQueryTranslationPreprocessorFactory>()
            .TryAdd<IModificationCommandBatchFactory, QueryServiceModificationCommandBatchFactory>()
            .TryAdd<IBatchExecutor, QueryServiceBatchExecutor>()
            .TryAdd<IQueryableMethodTranslatingExpressionVisitorFactory, QueryServiceQueryableMethodTranslatingExpressionVisitorFactory>()
            .TryAdd<IShapedQueryCompilingExpressionVisitorFactory, QueryServiceShapedQueryCompilingExpressionVisitorFactory>()
            .TryAdd<IMigrationsSqlGenerator, QueryServiceMigrationsSqlGenerator>()
            .TryAdd<IHistoryRepository, QueryServiceHistoryRepository>()
            .TryAdd<IMigrator, QueryServiceMigrator>()
            .TryAdd<IMigrationsModelDiffer>(EfModelDifferWithWarnings)
            .TryAddProviderSpecificServices(services => services
                .TryAddSingleton<QueryServiceSingletonOptions, QueryServiceSingletonOptions>()
                .TryAddSingleton(p => new SqlDialect(p.GetRequiredService<QueryServiceSingletonOptions>().Dialect))
                // One cache of XDM value mappings per service provider, not per context: building one costs reflection.
                .TryAddSingleton<XdmTypeMappings, XdmTypeMappings>()
                .TryAddScoped(p => QueryServiceOptions(p).AppendOptions)
                .TryAddScoped(p => QueryServiceOptions(p).QueryOptions)
                .TryAddScoped<CommandJournal, CommandJournal>());
    }

    private static QueryServiceOptionsExtension QueryServiceOptions(IServiceProvider services)
        => services.GetRequiredService<IDbContextOptions>().FindExtension<QueryServiceOptionsExtension>()!;

    // EF's differ stays the one that diffs; the library's only warns about what the data lake will not do.
    private static QueryServiceMigrationsModelDiffer EfModelDifferWithWarnings(IServiceProvider services)
        => new(
#pragma warning disable EF1001 // EF's differ is internal API; it is created, never derived from.
            ActivatorUtilities.CreateInstance<MigrationsModelDiffer>(services),
#pragma warning restore EF1001
            services.GetRequiredService<IDiagnosticsLogger<DbLoggerCategory.Migrations>>());
}
