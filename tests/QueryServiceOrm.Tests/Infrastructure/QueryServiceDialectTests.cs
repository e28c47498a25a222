using Microsoft.Extensions.DependencyInjection;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Tests.Infrastructure;

/// <summary>
/// Each open switch of the dialect changes exactly the SQL it names, and the emulator answers that SQL as Spark would; an
/// internal service provider without the library's services is refused before any statement.
/// </summary>
public sealed class QueryServiceDialectTests
{
    /// <summary>A table with one double, to see what CREATE TABLE's type keeps of it.</summary>
    public sealed class Measurement
    {
        public long Id { get; set; }

        public double Value { get; set; }
    }

    private sealed class MeasurementContext(DbContextOptions<MeasurementContext> options, string table) : DbContext(options)
    {
        public DbSet<Measurement> Measurements => Set<Measurement>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Measurement>().ToTable(table).Property(m => m.Id).ValueGeneratedNever();
    }

    [TestCase(QueryServiceDoubleColumnType.Float, "real", "0.10000000149011612")]
    [TestCase(QueryServiceDoubleColumnType.Double, "double precision", "0.1")]
    public async Task DoubleColumnType_decides_what_a_double_keeps(
        QueryServiceDoubleColumnType columnType, string backendType, string readBack)
    {
        var sandbox = await SharedSandbox.GetAsync();
        var table = "measurements_" + columnType.ToString().ToLowerInvariant();
        var application = "dialect-" + Guid.NewGuid().ToString("N")[..8];
        var dialect = new QueryServiceDialect { DoubleColumnType = columnType };
        var options = new DbContextOptionsBuilder<MeasurementContext>()
            .UseQueryService(sandbox.Credentials() with { Dialect = dialect }, o => o.ApplicationName(application))
            .UseInternalServiceProvider(DialectServiceProviders.For(dialect))
            .Options;
        await using var db = new MeasurementContext(options, table);
        await db.Database.DropTableAsync(table, ifExists: true);
        await db.Database.CreateTableAsync<Measurement>();
        db.Measurements.Add(new Measurement { Id = 1, Value = 0.1 });
        await db.SaveChangesAsync();

        var stored = await sandbox.PsqlAsync(
            $"SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '{table}'::regclass AND attname = 'Value'");
        var read = await db.Measurements.Select(m => m.Value).SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(
                FrontLog.Statements(sandbox, application),
                Has.Some.Contains($"Value {(columnType == QueryServiceDoubleColumnType.Double ? "double" : "float")}"));
            Assert.That(stored, Is.EqualTo(new[] { new[] { backendType } }));
            Assert.That(read.ToString("R", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(readBack));
        });
    }

    [Test]
    public async Task IdentifierQuote_decides_how_a_name_that_needs_quoting_is_written()
    {
        var query = (Func<XdmSampleContext, Task>)(db => db.Events.Select(e => e.Commerce!.Order!.CurrencyCode).ToListAsync());
        var backquoted = await ContextFactories.ServiceSqlAsync(query);
        var doubleQuotes = new QueryServiceDialect { IdentifierQuote = QueryServiceIdentifierQuote.DoubleQuote };
        var doubleQuoted = await ContextFactories.ServiceSqlAsync(query, dialect: doubleQuotes);

        // Adobe: double quotes may not be combined with dot paths. The emulator refuses them there, as the reference says the
        // service does; a server that takes them is what qsorm doctor and the Live suite would find.
        var sandbox = await XdmData.SeedAsync();
        var application = "double-quotes-" + Guid.NewGuid().ToString("N")[..8];
        await using var quoted = new QueryServiceDbContextFactory<XdmSampleContext>(
            sandbox.Credentials() with { Dialect = doubleQuotes },
            o => o.ApplicationName(application),
            o => o.UseInternalServiceProvider(DialectServiceProviders.For(doubleQuotes))).CreateDbContext();
        Assert.Multiple(() =>
        {
            Assert.That(backquoted, Does.Contain("x.commerce.`order`.currencyCode"));
            Assert.That(doubleQuoted, Does.Contain("x.commerce.\"order\".currencyCode").And.Not.Contain("`"));
            Assert.That(() => quoted.Events.Select(e => e.Commerce!.Order!.CurrencyCode).ToListAsync(),
                Throws.TypeOf<QueryServiceSyntaxException>().With.Message.Contains("may not be combined with dot paths"));
        });
        Assert.That(FrontLog.BackendStatements(sandbox, application), Is.Empty);
    }

    [Test]
    public async Task The_options_builders_dialect_replaces_the_credentials_switches()
    {
        var sql = await ContextFactories.ServiceSqlAsync(
            db => db.Customers.OrderBy(c => c.Id).Skip(1).ToListAsync(),
            o => o.Dialect(new QueryServiceDialect { ExplodeForm = QueryServiceExplodeForm.LateralView })
                .ParameterMode(QueryServiceParameterMode.Bind));
        Assert.That(sql, Does.EndWith("OFFSET 1"), "SupportsOffset keeps its default: the builder took the record it was given");
    }

    [Test]
    public async Task Without_offset_Skip_is_refused_before_any_statement()
    {
        var sandbox = await SharedSandbox.GetAsync();
        var application = "no-offset-" + Guid.NewGuid().ToString("N")[..8];
        var withoutOffset = new QueryServiceDialect { SupportsOffset = false };
        await using var db = new QueryServiceDbContextFactory<ShopContext>(
            sandbox.Credentials() with { Dialect = withoutOffset }, o => o.ApplicationName(application),
            o => o.UseInternalServiceProvider(DialectServiceProviders.For(withoutOffset))).CreateDbContext();

        Assert.That(() => db.Customers.OrderBy(c => c.Id).Skip(1).Take(2).ToListAsync(),
            Throws.TypeOf<NotSupportedException>().With.Message.Contains("OFFSET").And.Message.Contains("SupportsOffset"));
        Assert.That(FrontLog.Statements(sandbox, application), Is.Empty);
    }

    [Test]
    public async Task An_internal_service_provider_without_the_librarys_services_is_refused_before_any_statement()
    {
        var sandbox = await SharedSandbox.GetAsync();
        var application = "foreign-" + Guid.NewGuid().ToString("N")[..8];
        var npgsqlOnly = new ServiceCollection().AddEntityFrameworkNpgsql().BuildServiceProvider();
        var options = new DbContextOptionsBuilder<ShopContext>()
            .UseQueryService(sandbox.Credentials(), o => o.ApplicationName(application))
            .UseInternalServiceProvider(npgsqlOnly)
            .Options;
        // EF validates the options when the context is made, so it stops there, before Npgsql's SQL could be written.
        Assert.That(async () =>
            {
                await using var db = new ShopContext(options);
                await db.Customers.Select(c => c.Id ^ 3).ToListAsync();
            },
            Throws.InvalidOperationException.With.Message.Contains("AddEntityFrameworkQueryService()"));
        Assert.That(FrontLog.Connections(sandbox, application), Is.Zero, "not even a connection");
    }

    [Test]
    public async Task An_internal_service_provider_with_the_librarys_services_writes_the_services_sql()
    {
        var sandbox = await ShopData.SeedAsync();
        var application = "own-provider-" + Guid.NewGuid().ToString("N")[..8];
        var provider = new ServiceCollection().AddEntityFrameworkQueryService().BuildServiceProvider();
        var options = new DbContextOptionsBuilder<ShopContext>()
            .UseQueryService(sandbox.Credentials(), o => o.ApplicationName(application))
            .UseInternalServiceProvider(provider)
            .Options;
        await using var db = new ShopContext(options);

        var values = await db.Customers.Where(c => c.Id <= 2).OrderBy(c => c.Id).Select(c => c.Id ^ 3).ToListAsync();
        var expected = await sandbox.PsqlAsync("SELECT id # 3 FROM customers WHERE id <= 2 ORDER BY id");
        Assert.Multiple(() =>
        {
            Assert.That(
                values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected.Select(r => r[0])));
            Assert.That(FrontLog.Statements(sandbox, application), Has.Some.Contains("c.id ^ 3").And.None.Contains("#"));
        });
    }
}
