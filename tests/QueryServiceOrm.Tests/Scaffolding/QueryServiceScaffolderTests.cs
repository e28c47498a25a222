using System.Linq.Expressions;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Scaffolding.Metadata;
using Microsoft.Extensions.DependencyInjection;
using QueryServiceOrm.Sandbox.Xdm;
using QueryServiceOrm.Scaffolding;

namespace QueryServiceOrm.Tests.Scaffolding;

/// <summary>
/// The generated code for the stand-in's XDM sample tables: golden files, identical bytes twice, and the code compiled
/// in the test and queried with LINQ, nested fields included, against psql.
/// </summary>
[NonParallelizable]
public sealed class QueryServiceScaffolderTests
{
    private static readonly XdmSampleTables Sample = XdmSampleData.TablesFor(XdmSampleData.DefaultPrefix);
    private static readonly QueryServiceScaffoldOptions Options = new("Scaffolded.Xdm", "XdmDatasets");
    private QueryServiceSandbox _sandbox = null!;

    [SetUp]
    public async Task Seed() => _sandbox = await XdmData.SeedAsync();

    private CatalogReading ReadSample()
    {
        var services = new ServiceCollection().AddEntityFrameworkNpgsql().BuildServiceProvider();
        var factory = new QueryServiceDatabaseModelFactory(services.GetRequiredService<IDiagnosticsLogger<DbLoggerCategory.Scaffolding>>());
        return factory.ReadCatalog(
            ConnectionString("scaffold-sample"), new DatabaseModelFactoryOptions([Sample.Events, Sample.Profiles, Sample.Flat], []));
    }

    private string ConnectionString(string application) => _sandbox.ConnectionString(application);

    [Test]
    public void The_generated_code_matches_the_golden_files_and_is_the_same_twice()
    {
        var first = QueryServiceScaffolder.Generate(ReadSample(), Options);
        var second = QueryServiceScaffolder.Generate(ReadSample(), Options);
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first), "same input, same bytes");
            Assert.That(first.Select(f => f.Path), Is.EqualTo(new[]
            {
                "XdmEvents.cs", "XdmFlat.cs", "XdmProfiles.cs",
                "BrowserDetails.cs", "Commerce.cs", "IdentityItem.cs", "Loyalty.cs", "Luma.cs", "Name.cs", "Order.cs", "PageViews.cs",
                "Person.cs",
                "PersonalEmail.cs", "ProductListItem.cs", "ReservedWordTest.cs", "Web.cs", "WebPageDetails.cs", "WebReferrer.cs",
                "XdmEventsEnvironment.cs",
                "XdmProfilesLuma.cs",
                "XdmDatasets.cs",
            }), "one class per distinct object: the two tables' loyalty and the measures share theirs");
            foreach (var file in first)
            {
                Baseline.AssertMatches($"Scaffolding/Golden/{file.Path}.golden", file.Content);
            }
        });
    }

    [Test]
    public async Task The_generated_code_compiles_and_its_linq_returns_what_psql_returns()
    {
        var assembly = Compile(QueryServiceScaffolder.Generate(ReadSample(), Options));
        var contextType = assembly.GetType("Scaffolded.Xdm.XdmDatasets")!;
        var eventType = assembly.GetType("Scaffolded.Xdm.XdmEvents")!;

        await using var db = (DbContext)Activator.CreateInstance(contextType, ContextOptions(contextType))!;

        // db.XdmEvents.Where(e => e.Web.WebPageDetails.Name == "Home").Select(e => e.Id), built for the compiled types.
        var events = (IQueryable)contextType.GetProperty("XdmEvents")!.GetValue(db)!;
        var e = Expression.Parameter(eventType, "e");
        var name = Expression.Property(Expression.Property(Expression.Property(e, "Web"), "WebPageDetails"), "Name");
        var home = Where(events, Expression.Lambda(Expression.Equal(name, Expression.Constant("Home")), e));
        var ids = Enumerable.Cast<string>((System.Collections.IEnumerable)Select(home, Expression.Lambda(Expression.Property(e, "Id"), e)))
            .OrderBy(id => id, StringComparer.Ordinal).ToList();

        var rows = Enumerable.Cast<object>(events).ToList();
        var firstItem = rows.Select(r => eventType.GetProperty("ProductListItems")!.GetValue(r) as System.Collections.IList)
            .Select(items => items is { Count: > 0 } ? items[0]!.GetType().GetProperty("Sku")!.GetValue(items[0]) as string : null)
            .Where(sku => sku is not null).Order(StringComparer.Ordinal).ToList();

        var expectedIds = (
            await _sandbox.PsqlAsync(
                $"""SELECT _id FROM {Sample.Events} WHERE (web)."webPageDetails".name = 'Home' ORDER BY _id COLLATE "C" """)).Select(r
                => r[0]).ToList();
        var expectedSkus = (
            await _sandbox.PsqlAsync(
                $"""SELECT ("productListItems")[1]."SKU" FROM {Sample.Events} WHERE cardinality("productListItems") > 0 ORDER BY """
                + $"""("productListItems")[1]."SKU" COLLATE "C" """)).Select(r
                => r[0]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.EqualTo(expectedIds).And.Not.Empty);
            Assert.That(rows, Has.Count.EqualTo(XdmData.Rows));
            Assert.That(firstItem, Is.EqualTo(expectedSkus).And.Not.Empty);
        });
    }

    [Test]
    public async Task A_scaffolded_table_is_keyed_on_its_record_id_so_SaveChanges_appends_and_reads_keep_every_record()
    {
        var tables = await XdmSampleData.CreateAsync(_sandbox, rows: 5, seed: 3, prefix: "keyed");
        var services = new ServiceCollection().AddEntityFrameworkNpgsql().BuildServiceProvider();
        var factory = new QueryServiceDatabaseModelFactory(services.GetRequiredService<IDiagnosticsLogger<DbLoggerCategory.Scaffolding>>());
        var reading = factory.ReadCatalog(
            ConnectionString("scaffold-keyed"), new DatabaseModelFactoryOptions([tables.Events, tables.Flat], []));
        var assembly = Compile(QueryServiceScaffolder.Generate(reading, new QueryServiceScaffoldOptions("Keyed", "KeyedContext")));
        var contextType = assembly.GetType("Keyed.KeyedContext")!;
        var flatType = assembly.GetType("Keyed.KeyedFlat")!;
        var existing = (await _sandbox.PsqlAsync($"""SELECT _id FROM {tables.Flat} ORDER BY _id COLLATE "C" LIMIT 1"""))[0][0];

        // A record whose _id another record already has: the data lake takes it, and a read must return both.
        var record = Activator.CreateInstance(flatType)!;
        flatType.GetProperty("Id")!.SetValue(record, existing);
        flatType.GetProperty("Timestamp")!.SetValue(record, new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        flatType.GetProperty("PageUrl")!.SetValue(record, "https://example.com/appended");
        await using (var db = (DbContext)Activator.CreateInstance(contextType, ContextOptions(contextType))!)
        {
            db.Add(record);
            Assert.That(await db.SaveChangesAsync(), Is.EqualTo(1));
        }

        await using var reader = (DbContext)Activator.CreateInstance(contextType, ContextOptions(contextType))!;
        var flat = (IQueryable)contextType.GetProperty("KeyedFlat")!.GetValue(reader)!;
        var f = Expression.Parameter(flatType, "f");
        var sameId = Enumerable.Cast<object>(
            Where(flat, Expression.Lambda(Expression.Equal(Expression.Property(f, "Id"), Expression.Constant(existing)), f))).ToList();
        var events = Enumerable.Cast<object>((IQueryable)contextType.GetProperty("KeyedEvents")!.GetValue(reader)!).ToList();
        var ecids = events.Select(e => (System.Collections.IDictionary?)e.GetType().GetProperty("IdentityMap")!.GetValue(e))
            .Select(
                map => map
                    ?["ECID"] is System.Collections.IList { Count: > 0 } items
                    ? items[0]!.GetType().GetProperty("Id")!.GetValue(items[0]) as string
                    : null)
            .Where(id => id is not null).Order(StringComparer.Ordinal).ToList();

        var expectedEcids = (
            await _sandbox.PsqlAsync(
                $"""SELECT "identityMap"->'ECID'->0->>'id' FROM {tables.Events} WHERE "identityMap" ? 'ECID' ORDER BY """
                + $"""("identityMap"->'ECID'->0->>'id') COLLATE "C" """)).Select(r
                => r[0]).ToList();
        var stored = await _sandbox.PsqlAsync(
            $"""SELECT count(*), count(*) FILTER (WHERE "pageURL" = 'https://example.com/appended') FROM {tables.Flat} WHERE _id = """
            + $"""'{existing}'""");
        await _sandbox.ExecuteAdminAsync($"DROP TABLE {tables.Events}, {tables.Profiles}, {tables.Flat}");
        Assert.Multiple(() =>
        {
            Assert.That(
                reading.Model.Tables.Select(t => t.PrimaryKey?.Columns.Single().Name),
                Is.All.EqualTo("_id"),
                "XDM's record identifier is the key");
            Assert.That(stored, Is.EqualTo(new[] { new[] { "2", "1" } }), "Add and SaveChanges appended the record");
            Assert.That(sameId, Has.Count.EqualTo(2), "both records sharing the _id are read, not one object for both");
            Assert.That(ecids, Is.EqualTo(expectedEcids).And.Not.Empty, "the identity map is read as typed identity items");
        });
    }

    [Test]
    public async Task Five_hundred_nested_tables_scaffold_in_four_round_trips()
    {
        // Deep objects (three levels), arrays of objects and maps, seven shapes of the inner object across the tables.
        var script = new System.Text.StringBuilder("DROP SCHEMA IF EXISTS scale CASCADE; CREATE SCHEMA scale;");
        for (var i = 0; i < 500; i++)
        {
            var t = $"scale.t{i:D3}";
            script.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
                CREATE TYPE {t}_web_details_views AS ("value" double precision, "f{i % 7}" text);
                CREATE TYPE {t}_web_details AS ("name" text, "URL" text, "views" {t}_web_details_views);
                CREATE TYPE {t}_web AS ("details" {t}_web_details, "referrer" text);
                CREATE TYPE {t}_items_e AS ("SKU" text, "quantity" bigint, "tags" text[]);
                CREATE TABLE {t} ("_id" text NOT NULL, "timestamp" timestamptz, "web" {t}_web, "items" {t}_items_e[], "identityMap" jsonb);
                """);
        }

        await _sandbox.ExecuteAdminAsync(script.ToString());
        var services = new ServiceCollection().AddEntityFrameworkNpgsql().BuildServiceProvider();
        var factory = new QueryServiceDatabaseModelFactory(services.GetRequiredService<IDiagnosticsLogger<DbLoggerCategory.Scaffolding>>());
        var statementsBefore = FrontLog.Statements(_sandbox, "scaffold-scale").Count;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var reading = factory.ReadCatalog(ConnectionString("scaffold-scale"), new DatabaseModelFactoryOptions([], ["scale"]));
        var model = reading.Model;
        var files = QueryServiceScaffolder.Generate(reading, Options);
        watch.Stop();
        var roundTrips = FrontLog.Statements(_sandbox, "scaffold-scale").Count - statementsBefore;

        // Reported, not asserted: timings belong to the note and the benchmarks, not to a pass/fail line.
        await TestContext.Out.WriteLineAsync(
            $"500 tables: model and code in {watch.Elapsed.TotalSeconds:F2} s, {roundTrips} round trips (front journal), {files.Count} "
            + $"files");
        await _sandbox.ExecuteAdminAsync("DROP SCHEMA scale CASCADE");
        Assert.Multiple(() =>
        {
            Assert.That(model.Tables, Has.Count.EqualTo(500));
            Assert.That(roundTrips, Is.EqualTo(4), "SHOW TABLES and the three catalog statements, as the front received them");
            Assert.That(reading.RoundTrips, Is.EqualTo(roundTrips));
            Assert.That(
                files.Count(f => System.Text.RegularExpressions.Regex.IsMatch(f.Path, "^T[0-9]{3}\\.cs$")),
                Is.EqualTo(500),
                "an entity class a table");
            Assert.That(files, Has.Count.EqualTo(500 + 7 * 3 + 1 + 1 + 1),
                "objects shared across tables: seven views shapes, so seven details and webs, one item class, one identity item, one "
                + "context");
        });
    }

    [Test]
    public async Task Awkward_names_and_descriptions_still_give_code_that_compiles()
    {
        // Names that are C# keywords, System and EF type names, context members, case-only twins; composite types of
        // one name in two schemas; a view; line breaks in a description.
        await _sandbox.ExecuteAdminAsync("""
            DROP SCHEMA IF EXISTS odd CASCADE; DROP SCHEMA IF EXISTS odd2 CASCADE; CREATE SCHEMA odd; CREATE SCHEMA odd2;
            CREATE TYPE odd.shared AS ("x" text); CREATE TYPE odd2.shared AS ("a" bigint, "b" boolean);
            CREATE TABLE odd."date_time" ("class" text, "event" odd.shared, "Event" odd2.shared, "when" timestamptz NOT NULL, "at" time, "data" bytea NOT NULL);
            CREATE TABLE odd."model" ("model" text, "ToString" text, "environment" odd.shared);
            CREATE TABLE odd."URL" ("u" integer); CREATE TABLE odd."url" ("u" integer);
            CREATE VIEW odd."recent" AS SELECT "class" FROM odd."date_time";
            """);
        var services = new ServiceCollection().AddEntityFrameworkNpgsql().BuildServiceProvider();
        var factory = new QueryServiceDatabaseModelFactory(services.GetRequiredService<IDiagnosticsLogger<DbLoggerCategory.Scaffolding>>());
        var reading = factory.ReadCatalog(ConnectionString("scaffold-odd"), new DatabaseModelFactoryOptions([], ["odd"]));
        // As SHOW TABLES would describe it.
        reading.Model.Tables.Single(t => t.Name == "model").Comment = "line one\r\nline two\u2028 and a separator";
        var files = QueryServiceScaffolder.Generate(reading, new QueryServiceScaffoldOptions("Odd.Model", "OddContext"));
        await _sandbox.ExecuteAdminAsync("DROP SCHEMA odd CASCADE; DROP SCHEMA odd2 CASCADE");

        Compile(files);
        var context = files.Single(f => f.Path == "OddContext.cs").Content;
        Assert.Multiple(() =>
        {
            Assert.That(files.Select(f => f.Path.ToUpperInvariant()), Is.Unique, "file names differ in more than case");
            Assert.That(context, Does.Contain("entity.ToView(\"recent\", \"odd\")"));
            Assert.That(
                files.Count(f => f.Content.Contains("An XDM object (odd", StringComparison.Ordinal)),
                Is.EqualTo(2),
                "two types named shared, two classes");
        });
    }

    private DbContextOptions ContextOptions(Type contextType)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        return builder.UseQueryService(_sandbox.Credentials()).Options;
    }

    private static IQueryable Where(IQueryable source, LambdaExpression predicate)
        => source.Provider.CreateQuery(
            Expression.Call(
                typeof(Queryable), nameof(Queryable.Where), [source.ElementType], source.Expression, Expression.Quote(predicate)));

    private static IQueryable Select(IQueryable source, LambdaExpression selector)
        => source.Provider.CreateQuery(
            Expression.Call(
                typeof(Queryable), nameof(Queryable.Select), [source.ElementType, selector.ReturnType], source.Expression,
                Expression.Quote(selector)));

    // The generated files as one assembly, against the assemblies this test runs with.
    private static Assembly Compile(IReadOnlyList<ScaffoldedFile> files)
    {
        var references = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.Location.Length > 0)
            .Select(a => MetadataReference.CreateFromFile(a.Location));
        var compilation = CSharpCompilation.Create(
            "Scaffolded" + Guid.NewGuid().ToString("N"),
            files.Select(f => CSharpSyntaxTree.ParseText(f.Content, path: f.Path)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.That(problems, Is.Empty, "the generated code compiles without warnings");
        return Assembly.Load(stream.ToArray());
    }
}
