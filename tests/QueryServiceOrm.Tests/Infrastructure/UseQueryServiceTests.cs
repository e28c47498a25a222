using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Infrastructure;

public sealed class UseQueryServiceTests
{
    private static QueryServiceCredentials CredentialsFor(int port, string password = "secret-token")
        => new() { Host = "127.0.0.1", Port = port, Username = "ORG@AdobeOrg", Password = password };

    [Test]
    public void Contexts_differing_only_in_retry_settings_share_one_internal_service_provider_and_keep_their_own_retries()
    {
        using var patient = new QueryServiceDbContextFactory<EmptyContext>(
            CredentialsFor(5432), o => o.RetryReads(7, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20))).CreateDbContext();
        using var hasty = new QueryServiceDbContextFactory<EmptyContext>(
            CredentialsFor(5432), o => o.RetryReads(0, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1))).CreateDbContext();

        Assert.Multiple(() =>
        {
            // The internal service provider's singletons are the same objects: one provider serves both.
            Assert.That(
                patient.GetService<Microsoft.EntityFrameworkCore.Query.IQuerySqlGeneratorFactory>(),
                Is.SameAs(hasty.GetService<Microsoft.EntityFrameworkCore.Query.IQuerySqlGeneratorFactory>()));
            Assert.That(patient.GetService<QueryServiceQueryOptions>().MaxRetryCount, Is.EqualTo(7));
            Assert.That(hasty.GetService<QueryServiceQueryOptions>().MaxRetryCount, Is.Zero);
        });
    }

    [Test]
    public void Npgsql_is_set_up_for_the_service()
    {
        using var context = new QueryServiceDbContextFactory<EmptyContext>(CredentialsFor(5432)).CreateDbContext();
        var printed = new NpgsqlConnectionStringBuilder(context.Database.GetConnectionString());

        Assert.Multiple(() =>
        {
            Assert.That(context.Database.IsQueryService(), Is.True);
            Assert.That(context.Database.IsNpgsql(), Is.True);
            Assert.That(printed.SslMode, Is.EqualTo(SslMode.Require));
            Assert.That(printed.NoResetOnClose, Is.True);
            Assert.That(printed.MaxAutoPrepare, Is.Zero);
            Assert.That(printed.GssEncryptionMode, Is.EqualTo(GssEncryptionMode.Disable));
            Assert.That(printed.CommandTimeout, Is.EqualTo(600));
            Assert.That(printed.MaxPoolSize, Is.EqualTo(5));
            Assert.That(printed.ConnectionIdleLifetime, Is.LessThan(2 * 60 * 60));
            Assert.That(printed.ApplicationName, Is.EqualTo("QueryServiceOrm"));
            Assert.That(printed.Multiplexing, Is.False);
            Assert.That(printed.Database, Is.EqualTo("prod:all"));
            Assert.That(printed.Password, Is.Null, "the printed connection string must not carry the password");
            Assert.That(context.Database.GetCommandTimeout(), Is.EqualTo(600));
        });
    }

    [Test]
    public void Options_adjust_the_pool_and_timeouts()
    {
        using var context = new QueryServiceDbContextFactory<EmptyContext>(
            CredentialsFor(5432),
            o => o.MaxPoolSize(2).CommandTimeout(TimeSpan.FromSeconds(90)).ConnectionIdleLifetime(TimeSpan.FromMinutes(1))
                .ConnectionLifetime(TimeSpan.FromMinutes(30))
                .ApplicationName("reports")
                .ConnectTimeout(TimeSpan.FromSeconds(5))).CreateDbContext();
        var printed = new NpgsqlConnectionStringBuilder(context.Database.GetConnectionString());

        Assert.Multiple(() =>
        {
            Assert.That(printed.MaxPoolSize, Is.EqualTo(2));
            Assert.That(printed.CommandTimeout, Is.EqualTo(90));
            Assert.That(printed.ConnectionIdleLifetime, Is.EqualTo(60));
            Assert.That(printed.ConnectionLifetime, Is.EqualTo(1800));
            Assert.That(printed.ApplicationName, Is.EqualTo("reports"));
            Assert.That(printed.Timeout, Is.EqualTo(5));
        });
    }

    [Test]
    public void The_migrations_history_table_and_assembly_reach_EFs_relational_options()
    {
        var options = new QueryServiceDbContextFactory<EmptyContext>(
            CredentialsFor(5432), o => o.MigrationsHistoryTable("reporting_history").MigrationsAssembly("Contoso.Migrations")).Options;
        var relational = Microsoft.EntityFrameworkCore.Infrastructure.RelationalOptionsExtension.Extract(options);
        Assert.Multiple(() =>
        {
            Assert.That(
                (relational.MigrationsHistoryTableName, relational.MigrationsAssembly),
                Is.EqualTo(("reporting_history", "Contoso.Migrations")));
            Assert.That(
                () => new QueryServiceDbContextFactory<EmptyContext>(
                    CredentialsFor(5432), o => o.MigrationsHistoryTable("__EFMigrationsHistory")),
                Throws.ArgumentException.With.Message.Contains("double underscores"));
        });
    }

    [Test]
    public void Bad_options_are_refused()
    {
        var builder = new DbContextOptionsBuilder<EmptyContext>();
        Assert.Multiple(() =>
        {
            Assert.That(
                () => builder.UseQueryService(CredentialsFor(5432), o => o.MaxPoolSize(0)),
                Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(
                () => builder.UseQueryService(CredentialsFor(5432), o => o.CommandTimeout(TimeSpan.FromSeconds(-1))),
                Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void Credentials_are_validated_before_anything_else()
    {
        var builder = new DbContextOptionsBuilder<EmptyContext>();
        Assert.Multiple(() =>
        {
            Assert.That(
                () => builder.UseQueryService(
                    new QueryServiceCredentials { Host = "h.adobe.io", Username = "u", Password = "p", SslMode = SslMode.Prefer }),
                Throws.TypeOf<QueryServiceConfigurationException>().With.Property("Field").EqualTo("SslMode"));
            Assert.That(builder.Options.Extensions, Is.Empty, "nothing is configured from bad credentials");
        });
    }

    [Test]
    public void The_credentials_connect_timeout_reaches_the_connection_unless_the_options_set_one()
    {
        var credentials = CredentialsFor(5432, "token") with { ConnectTimeout = TimeSpan.FromSeconds(7) };
        using var fromCredentials = new QueryServiceDbContextFactory<EmptyContext>(credentials).CreateDbContext();
        using var fromOptions = new QueryServiceDbContextFactory<EmptyContext>(
            credentials, o => o.ConnectTimeout(TimeSpan.FromSeconds(3))).CreateDbContext();
        using var byDefault = new QueryServiceDbContextFactory<EmptyContext>(CredentialsFor(5432, "token")).CreateDbContext();

        Assert.Multiple(() =>
        {
            Assert.That(fromCredentials.Database.GetDbConnection().ConnectionTimeout, Is.EqualTo(7));
            Assert.That(fromOptions.Database.GetDbConnection().ConnectionTimeout, Is.EqualTo(3));
            Assert.That(byDefault.Database.GetDbConnection().ConnectionTimeout, Is.EqualTo(30));
        });
    }

    [Test]
    public void Every_character_of_a_password_survives_the_connection_string()
    {
        const string hostile = "a;b=c'd\"e\\f g@h:i/j?k#l%m";
        var credentials = CredentialsFor(5432, hostile);
        var options = new DbContextOptionsBuilder<EmptyContext>().UseQueryService(credentials).Options;
        var built = new QueryServiceConnectionSettings().ToConnectionStringBuilder(credentials);

        Assert.Multiple(() =>
        {
            Assert.That(new NpgsqlConnectionStringBuilder(built.ConnectionString).Password, Is.EqualTo(hostile));
            Assert.That(options.FindExtension<QueryServiceOptionsExtension>(), Is.Not.Null);
        });
    }

    [Test]
    public async Task Building_a_factory_or_a_context_opens_no_connection()
    {
        await using var server = new NoTlsServer();
        var factory = new QueryServiceDbContextFactory<EmptyContext>(CredentialsFor(server.Port));
        await using (var context = factory.CreateDbContext())
        {
            _ = context.Model;
            _ = context.Database.GetConnectionString();
            _ = context.Database.GetDbConnection();
            await Task.Delay(200);
            Assert.That(server.ConnectionsAccepted, Is.Zero);

            Assert.That(async () => await context.Database.GetTableNamesAsync(), Throws.InstanceOf<NpgsqlException>());
        }

        Assert.That(server.ConnectionsAccepted, Is.GreaterThan(0), "the first query is what connects");
    }

    [Test]
    public void A_context_without_an_options_constructor_gets_a_clear_error()
    {
        var factory = new QueryServiceDbContextFactory<NoOptionsContext>(CredentialsFor(5432));
        Assert.That(
            () => factory.CreateDbContext(), Throws.InvalidOperationException.With.Message.Contains("DbContextOptions<NoOptionsContext>"));
    }

    [Test]
    public async Task Every_registration_resolves_a_working_context()
    {
        var sandbox = await SharedSandbox.GetAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            sandbox.EnvironmentVariables()
                .ToDictionary(kv => kv.Key.Replace("__", ":", StringComparison.Ordinal), kv => (string?)kv.Value)).Build();

        var registrations = new Dictionary<string, Action<IServiceCollection>>
        {
            ["AddQueryServiceDbContext"] = s => s.AddQueryServiceDbContext<EmptyContext>(configuration),
            ["AddQueryServiceDbContextFactory"] = s => s.AddQueryServiceDbContextFactory<EmptyContext>(configuration),
            ["AddQueryServiceDbContextPool"] = s => s.AddQueryServiceDbContextPool<EmptyContext>(configuration),
            ["AddQueryServicePooledDbContextFactory"] = s => s.AddQueryServicePooledDbContextFactory<EmptyContext>(configuration),
        };

        foreach (var (name, register) in registrations)
        {
            var services = new ServiceCollection();
            register(services);
            await using var provider = services.BuildServiceProvider(validateScopes: true);
            await using var scope = provider.CreateAsyncScope();
            var factory = scope.ServiceProvider.GetService<IDbContextFactory<EmptyContext>>();
            await using var context = factory?.CreateDbContext() ?? scope.ServiceProvider.GetRequiredService<EmptyContext>();

            var count = await context.Database.SqlQueryRaw<int>("SELECT 1 AS Value").ToListAsync();
            Assert.That(count, Is.EqualTo(new[] { 1 }), name);
            Assert.That(context.Database.IsQueryService(), Is.True, name);
        }
    }

    [Test]
    public async Task Contexts_from_dependency_injection_share_one_internal_service_provider()
    {
        await using var endpoint = new LocalTokenEndpoint("client", "secret", TimeSpan.FromHours(1));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["QueryService:Host"] = "127.0.0.1",
            ["QueryService:Port"] = "5432",
            ["QueryService:ClientId"] = "client",
            ["QueryService:ClientSecret"] = "secret",
            ["QueryService:OrganizationId"] = "ORG",
            ["QueryService:TokenEndpoint"] = endpoint.TokenUri.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddQueryServiceDbContext<EmptyContext>(
            configuration, configureContext: (_, o) => o.ConfigureWarnings(w => w.Throw(CoreEventId.ManyServiceProvidersCreatedWarning)));
        await using var provider = services.BuildServiceProvider();

        for (var i = 0; i < 30; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<EmptyContext>();
            if (i == 0)
            {
                await Task.Delay(100);
                Assert.That(endpoint.Issued, Is.Zero, "creating a context fetches no token");
            }

            Assert.That(context.Model, Is.Not.Null);
        }

        // Npgsql's periodic provider starts with the data source, which EF builds with the first context's services;
        // on a busy machine its first fetch may come late, so wait for it (bounded), then for any second one.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (endpoint.Issued == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await Task.Delay(200);
        Assert.That(endpoint.Issued, Is.EqualTo(1), "one token serves every context");
    }

    private sealed class NoOptionsContext : DbContext;
}
