using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal;
using QueryServiceOrm.Scaffolding;

[assembly: DesignTimeProviderServices("QueryServiceOrm.Design.QueryServiceDesignTimeServices")]

namespace QueryServiceOrm.Design;

/// <summary>
/// What <c>dotnet ef dbcontext scaffold "&lt;connection&gt;" QueryServiceOrm</c> uses: Npgsql's design-time services with
/// <see cref="QueryServiceDatabaseModelFactory"/> reading the tables (SHOW TABLES, then the catalog where the server has
/// one). Nested XDM columns reach EF's scaffolder as JSON text (string properties of column type <c>json</c>, which
/// this library reads with <c>to_json</c>); <c>qsorm scaffold</c> writes classes for them. The scaffolded context's
/// OnConfiguring calls <c>UseQueryService</c>.
/// </summary>
public sealed class QueryServiceDesignTimeServices : IDesignTimeServices
{
    /// <inheritdoc />
    public void ConfigureDesignTimeServices(IServiceCollection serviceCollection)
    {
        ArgumentNullException.ThrowIfNull(serviceCollection);

        // Before Npgsql's, which only add theirs when none is registered.
        serviceCollection.AddSingleton<IDatabaseModelFactory, QueryServiceDatabaseModelFactory>();
        serviceCollection.AddSingleton<IProviderConfigurationCodeGenerator, QueryServiceProviderCodeGenerator>();
#pragma warning disable EF1001 // Npgsql's design-time services are internal API; they register what EF's scaffolder needs.
        new NpgsqlDesignTimeServices().ConfigureDesignTimeServices(serviceCollection);
#pragma warning restore EF1001
    }
}
