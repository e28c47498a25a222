using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Storage.Internal;
using QueryServiceOrm.ChangeTracking;
using QueryServiceOrm.Migrations;
using QueryServiceOrm.Query;
using QueryServiceOrm.Storage;
using QueryServiceOrm.Update;

namespace QueryServiceOrm.Tests.Extensions;

/// <summary>
/// <c>AddEntityFrameworkQueryService</c> is a provider-style chain of TryAdds made before Npgsql's: the library's services
/// win over Npgsql's without replacing them, and a service the application registered first wins over both.
/// </summary>
public sealed class QueryServiceServiceCollectionExtensionsTests
{
#pragma warning disable EF1001 // The state manager and Npgsql's connection are internal services the library replaces.
    private static readonly (Type Service, Type Implementation)[] LibraryServices =
    [
        (typeof(ISqlGenerationHelper), typeof(QueryServiceSqlGenerationHelper)),
        (typeof(IRelationalCommandBuilderFactory), typeof(QueryServiceRelationalCommandBuilderFactory)),
        (typeof(IQuerySqlGeneratorFactory), typeof(QueryServiceQuerySqlGeneratorFactory)),
        (typeof(IRelationalParameterBasedSqlProcessorFactory), typeof(QueryServiceParameterBasedSqlProcessorFactory)),
        (typeof(IExecutionStrategyFactory), typeof(QueryServiceExecutionStrategyFactory)),
        (typeof(IQueryTranslationPreprocessorFactory), typeof(QueryServiceQueryTranslationPreprocessorFactory)),
        (typeof(IModificationCommandBatchFactory), typeof(QueryServiceModificationCommandBatchFactory)),
        (typeof(IBatchExecutor), typeof(QueryServiceBatchExecutor)),
        (typeof(IQueryableMethodTranslatingExpressionVisitorFactory),
            typeof(QueryServiceQueryableMethodTranslatingExpressionVisitorFactory)),
        (typeof(IMigrationsSqlGenerator), typeof(QueryServiceMigrationsSqlGenerator)),
        (typeof(IHistoryRepository), typeof(QueryServiceHistoryRepository)),
        (typeof(IMigrator), typeof(QueryServiceMigrator)),
        (typeof(IStateManager), typeof(QueryServiceStateManager)),
        (typeof(INpgsqlRelationalConnection), typeof(QueryServiceRelationalConnection)),
    ];
#pragma warning restore EF1001

    [Test]
    public void Each_service_the_library_replaces_is_registered_once_as_the_librarys()
    {
        var services = new ServiceCollection().AddEntityFrameworkQueryService();

        Assert.Multiple(() =>
        {
            foreach (var (service, implementation) in LibraryServices)
            {
                Assert.That(
                    services.Where(d => d.ServiceType == service).Select(d => d.ImplementationType),
                    Is.EqualTo(new[] { implementation }),
                    service.Name);
            }

            var differ = services.Single(d => d.ServiceType == typeof(IMigrationsModelDiffer));
            Assert.That(differ.ImplementationFactory, Is.Not.Null, "the differ is the library's decorator around EF's");
        });
    }

    [Test]
    public void Npgsqls_services_applied_again_after_the_librarys_change_nothing()
    {
        // EF applies the library's extension first, then Npgsql's, whose ApplyServices adds Npgsql's services once more.
        var once = Counts(new ServiceCollection().AddEntityFrameworkQueryService());
        var again = Counts(new ServiceCollection().AddEntityFrameworkQueryService().AddEntityFrameworkNpgsql());

        Assert.That(again, Is.EqualTo(once));
    }

    [Test]
    public void A_service_the_application_registers_first_wins_over_the_librarys()
    {
        var services = new ServiceCollection()
            .AddScoped<IMigrationsSqlGenerator, NpgsqlMigrationsSqlGenerator>()
            .AddEntityFrameworkQueryService();

        Assert.That(services.Where(d => d.ServiceType == typeof(IMigrationsSqlGenerator)).Select(d => d.ImplementationType),
            Is.EqualTo(new[] { typeof(NpgsqlMigrationsSqlGenerator) }));
    }

    [Test]
    public void Npgsqls_services_added_first_are_refused_naming_the_call_to_make()
    {
        var services = new ServiceCollection().AddEntityFrameworkNpgsql();

        Assert.That(() => services.AddEntityFrameworkQueryService(),
            Throws.InvalidOperationException.With.Message.Contains("call only AddEntityFrameworkQueryService()"));
    }

    [Test]
    public async Task UseNpgsql_before_UseQueryService_is_refused_when_the_context_is_made()
    {
        var sandbox = await SharedSandbox.GetAsync();
        var options = new DbContextOptionsBuilder<ShopContext>()
            .UseNpgsql("Host=127.0.0.1")
            .UseQueryService(sandbox.Credentials())
            .Options;

        // EF validates the options in the context's constructor, before it builds (or reuses) a service provider.
        Assert.That(() => new ShopContext(options),
            Throws.InvalidOperationException.With.Message.Contains("remove the UseNpgsql call"));
    }

    private static Dictionary<Type, int> Counts(IServiceCollection services)
        => services.GroupBy(d => d.ServiceType).ToDictionary(g => g.Key, g => g.Count());
}
