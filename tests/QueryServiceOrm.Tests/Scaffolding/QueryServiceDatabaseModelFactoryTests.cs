using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Sandbox.Xdm;
using QueryServiceOrm.Scaffolding;

namespace QueryServiceOrm.Tests.Scaffolding;

/// <summary>The database model of the stand-in's XDM sample tables, nested structures included, against psql's catalog.</summary>
[NonParallelizable]
public sealed class QueryServiceDatabaseModelFactoryTests
{
    private static readonly XdmSampleTables Sample = XdmSampleData.TablesFor(XdmSampleData.DefaultPrefix);
    private QueryServiceSandbox _sandbox = null!;
    private CapturingLoggerProvider _logs = null!;

    [SetUp]
    public async Task Seed()
    {
        _sandbox = await XdmData.SeedAsync();
        _logs = new CapturingLoggerProvider();
    }

    [TearDown]
    public void DisposeLogs() => _logs.Dispose();

    private QueryServiceDatabaseModelFactory Factory(CatalogSql? catalog = null)
    {
        var loggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        var services = new ServiceCollection().AddEntityFrameworkNpgsql().AddSingleton(loggerFactory).BuildServiceProvider();
        var logger = services.GetRequiredService<IDiagnosticsLogger<DbLoggerCategory.Scaffolding>>();
        return new QueryServiceDatabaseModelFactory(logger) { Catalog = catalog ?? CatalogSql.Default };
    }

    private string ConnectionString(string application = "scaffold-model") => _sandbox.ConnectionString(application);

    // Round trips as the server logged them, not as the factory counts them.
    private int LoggedStatements(string application, Action read)
    {
        var before = FrontLog.Statements(_sandbox, application).Count;
        read();
        return FrontLog.Statements(_sandbox, application).Count - before;
    }

    [Test]
    public async Task Every_column_of_every_sample_table_is_in_the_model_with_psqls_type()
    {
        var factory = Factory();
        var (model, types, _) = factory.ReadCatalog(
            ConnectionString(), new DatabaseModelFactoryOptions([Sample.Events, Sample.Profiles, Sample.Flat], []));
        var expected = await _sandbox.PsqlAsync($"""
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relname IN ('{Sample.Events}', '{Sample.Profiles}', '{Sample.Flat}') AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, a.attnum
            """);
        var actual = model.Tables.OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(
                t => t.Columns.Select(c => new[] { t.Name, c.Name, types[(t.Name, c.Name)].StoreType, c.IsNullable ? "t" : "f" })).ToList();
        var efStoreTypes = model.Tables.SelectMany(
            t => t.Columns.Select(c => (c.StoreType, Nested: types[(t.Name, c.Name)].IsNested))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(actual, Is.EqualTo(expected).And.Count.GreaterThan(20));
            Assert.That(
                efStoreTypes.Where(c => c.Nested).Select(c => c.StoreType),
                Is.EqualTo(Enumerable.Repeat("json", 10)),
                "the ten nested columns of events and profiles reach EF as JSON text");
        });
    }

    [Test]
    public void Nested_columns_carry_their_fields_in_the_datasets_order()
    {
        var factory = Factory();
        var types = factory.ReadCatalog(
            ConnectionString(), new DatabaseModelFactoryOptions([Sample.Events, Sample.Profiles], [])).ColumnTypes;
        var web = types[(Sample.Events, "web")];
        var items = types[(Sample.Events, "productListItems")];
        var luma = types[(Sample.Events, "_luma")];
        Assert.Multiple(() =>
        {
            Assert.That(web.Kind, Is.EqualTo(XdmValueKind.Object));
            Assert.That(web.Fields.Select(f => f.Name), Is.EqualTo(new[] { "webPageDetails", "webReferrer" }));
            Assert.That(
                web.Fields[0].Type.Fields.Select(f => $"{f.Name}:{f.Type.Kind}"),
                Is.EqualTo(new[] { "name:Scalar", "URL:Scalar", "pageViews:Object" }));
            Assert.That(items.Kind, Is.EqualTo(XdmValueKind.Array));
            Assert.That(items.Element!.Fields.Select(f => $"{f.Name}:{f.Type.StoreType}"),
                Is.EqualTo(new[] { "SKU:text", "name:text", "quantity:bigint", "priceTotal:double precision" }));
            Assert.That(luma.Fields[1].Type.Fields.Select(f => f.Name), Is.EqualTo(new[] { "order", "1stVisit" }));
            Assert.That(types[(Sample.Profiles, "identityMap")].Kind, Is.EqualTo(XdmValueKind.Map));
            Assert.That(types[(Sample.Events, "_id")].Kind, Is.EqualTo(XdmValueKind.Scalar));
        });
    }

    [Test]
    public async Task Round_trips_do_not_grow_with_the_number_of_tables()
    {
        await _sandbox.ExecuteAdminAsync("DROP TABLE IF EXISTS keyed_rows; CREATE TABLE keyed_rows (id bigint PRIMARY KEY, name text)");
        var one = Factory();
        var forOne = LoggedStatements(
            "scaffold-one", () => one.Create(ConnectionString("scaffold-one"), new DatabaseModelFactoryOptions([Sample.Flat], [])));
        var all = Factory();
        CatalogReading reading = null!;
        var forAll = LoggedStatements(
            "scaffold-all", () => reading = all.ReadCatalog(ConnectionString("scaffold-all"), new DatabaseModelFactoryOptions()));
        var model = reading.Model;
        Assert.Multiple(() =>
        {
            Assert.That(model.Tables, Has.Count.GreaterThan(3));
            Assert.That(forOne, Is.EqualTo(4), "SHOW TABLES, columns, composite types, keys");
            Assert.That(forAll, Is.EqualTo(forOne));
            Assert.That(reading.RoundTrips, Is.EqualTo(forAll), "the factory counts what the service received");
            Assert.That(
                model.Tables.Single(t => t.Name == "keyed_rows").PrimaryKey!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id" }));
        });
    }

    [Test]
    public async Task A_service_whose_catalog_fails_degrades_to_per_table_reads_and_json_text_with_warnings()
    {
        // The service's path: SHOW TABLES answers (here a query giving the same first column), the catalog does not.
        await _sandbox.ExecuteAdminAsync(
            $"DROP TABLE IF EXISTS fallback_arrays; CREATE TABLE fallback_arrays (n integer[], t text[]); ALTER TABLE fallback_arrays "
            + $"OWNER TO \"{_sandbox.Username}\"");
        const string Missing = "SELECT * FROM no_such_catalog";
        var factory = Factory(new CatalogSql(
            $"SELECT relname, 'id', 'dataset', 'Events of ' || relname FROM pg_class WHERE relname IN ('{Sample.Events}', "
            + $"'{Sample.Flat}', 'fallback_arrays')",
            Missing, Missing, Missing));
        var (model, types, roundTrips) = factory.ReadCatalog(ConnectionString(), new DatabaseModelFactoryOptions());
        Assert.Multiple(() =>
        {
            Assert.That(model.Tables.Select(t => t.Name).Order(), Is.EqualTo(new[] { "fallback_arrays", Sample.Events, Sample.Flat }));
            Assert.That(
                types[("fallback_arrays", "n")],
                Is.EqualTo(
                    new XdmColumnType(XdmValueKind.Array, "integer[]") { Element = new XdmColumnType(XdmValueKind.Scalar, "integer") }));
            Assert.That(model.Tables.Single(t => t.Name == Sample.Events).Columns.Select(c => c.Name),
                Is.EqualTo(
                    new[]
                    {
                        "_id", "timestamp", "eventType", "web", "commerce", "productListItems", "environment", "identityMap", "_luma"
                    }));
            Assert.That(types[(Sample.Events, "web")].Kind, Is.EqualTo(XdmValueKind.Json));
            Assert.That(
                model.Tables.Single(t => t.Name == Sample.Events).Comment,
                Is.EqualTo("Events of " + Sample.Events),
                "SHOW TABLES' description");
            Assert.That(types[(Sample.Events, "_id")], Is.EqualTo(new XdmColumnType(XdmValueKind.Scalar, "text")));
            Assert.That(roundTrips, Is.EqualTo(4 + 3), "the four catalog statements, then one per table");
            Assert.That(_logs.AllText, Does.Contain("SELECT * FROM t WHERE 1=0").And.Contain("nested columns are read as JSON text"));
        });
    }
}
