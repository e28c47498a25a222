using System.Reflection;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QueryServiceOrm.Design;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Sandbox.Xdm;
using QueryServiceOrm.Scaffolding;

namespace QueryServiceOrm.Tests.Design;

/// <summary>
/// The design-time services <c>dotnet ef dbcontext scaffold</c> loads, resolved and used without the Design package:
/// every column of every sample table reaches EF's model, nested ones as JSON text the library reads back.
/// </summary>
[NonParallelizable]
public sealed class QueryServiceDesignTimeServicesTests
{
    private static readonly XdmSampleTables Sample = XdmSampleData.TablesFor(XdmSampleData.DefaultPrefix);

    /// <summary>What EF's scaffolder would write for the events table's nested column: a string of column type json.</summary>
    public sealed class ScaffoldedEvent
    {
        public string Id { get; set; } = "";

        public string? Web { get; set; }
    }

    public sealed class ScaffoldedContext(DbContextOptions<ScaffoldedContext> options) : DbContext(options)
    {
        public DbSet<ScaffoldedEvent> Events => Set<ScaffoldedEvent>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            var e = modelBuilder.Entity<ScaffoldedEvent>().ToTable(Sample.Events);
            e.Property(x => x.Id).HasColumnName("_id");
            e.Property(x => x.Web).HasColumnName("web").HasColumnType("json");
        }
    }

    [Test]
    public void The_provider_assembly_names_its_design_time_services()
        => Assert.That(
            typeof(QueryServiceDesignTimeServices).Assembly.GetCustomAttribute<DesignTimeProviderServicesAttribute>()?.TypeName,
            Is.EqualTo(typeof(QueryServiceDesignTimeServices).FullName));

    [Test]
    public async Task Resolved_services_read_every_column_of_every_sample_table()
    {
        var sandbox = await XdmData.SeedAsync();
        using var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection().AddSingleton(logs.CreateFactory());
        new QueryServiceDesignTimeServices().ConfigureDesignTimeServices(services);
        await using var provider = services.BuildServiceProvider();

        var factory = provider.GetRequiredService<IDatabaseModelFactory>();
        var model = factory.Create(
            sandbox.ConnectionString(), new DatabaseModelFactoryOptions([Sample.Events, Sample.Profiles, Sample.Flat], []));
        var expected = await sandbox.PsqlAsync($"""
            SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relname IN ('{Sample.Events}', '{Sample.Profiles}', '{Sample.Flat}') AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, a.attnum
            """);
        var typeMappings = provider.GetRequiredService<IRelationalTypeMappingSource>();
        Assert.Multiple(() =>
        {
            Assert.That(factory, Is.InstanceOf<QueryServiceDatabaseModelFactory>());
            Assert.That(
                model.Tables.OrderBy(t => t.Name, StringComparer.Ordinal).SelectMany(t => t.Columns.Select(c => new[] { t.Name, c.Name })),
                Is.EqualTo(expected));
            Assert.That(
                model.Tables.SelectMany(t => t.Columns).Where(c => typeMappings.FindMapping(c.StoreType!) is null).Select(c => c.Name),
                Is.Empty,
                "EF's scaffolder finds a type mapping for every column, so it skips none");
            Assert.That(
                model.Tables.Single(t => t.Name == Sample.Events).Columns.Single(c => c.Name == "web").StoreType, Is.EqualTo("json"));
            Assert.That(logs.AllText, Does.Contain("qsorm scaffold"));
        });
    }

    [Test]
    public void A_scaffolded_context_configures_itself_with_use_query_service()
    {
        var services = new ServiceCollection();
        new QueryServiceDesignTimeServices().ConfigureDesignTimeServices(services);
        using var provider = services.BuildServiceProvider();
        var generator = provider.GetRequiredService<IProviderConfigurationCodeGenerator>();
        var call = generator.GenerateUseProvider("Host=example.com;Port=80", providerOptions: null);
        Assert.Multiple(() =>
        {
            Assert.That(generator, Is.InstanceOf<QueryServiceProviderCodeGenerator>());
            Assert.That(call.Method, Is.EqualTo(nameof(QueryServiceDbContextOptionsBuilderExtensions.UseQueryService)));
            Assert.That(call.Arguments, Is.EqualTo(new object[] { "Host=example.com;Port=80" }));
        });
    }

    [Test]
    public async Task A_nested_column_scaffolded_as_json_text_reads_what_psql_to_json_gives()
    {
        // Configured the way the scaffolded OnConfiguring does it: UseQueryService with the connection string.
        var sandbox = await XdmData.SeedAsync();
        var connectionString = sandbox.ConnectionString();
        await using var db = new ScaffoldedContext(
            new DbContextOptionsBuilder<ScaffoldedContext>().UseQueryService(connectionString).Options);
        var rows = await db.Events.OrderBy(e => e.Id).Select(e => new { e.Id, e.Web }).ToListAsync();
        var expected = await sandbox.PsqlAsync($"SELECT _id, to_json(web) FROM {Sample.Events} ORDER BY _id");
        Assert.That(rows.Select(r => new[] { r.Id, r.Web }), Is.EqualTo(expected));
    }

}
