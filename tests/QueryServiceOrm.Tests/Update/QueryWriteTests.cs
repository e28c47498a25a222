using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Tests.Update;

/// <summary>
/// INSERT INTO ... SELECT and CTAS from LINQ: the rows they write equal what psql computes for the same SELECT, nested
/// values included; the service-dialect statements match their baselines and the documented grammar.
/// </summary>
[NonParallelizable]
[TestFixture(SandboxBackendKind.Local)]
[TestFixture(SandboxBackendKind.Container, Category = "Container")]
public sealed class QueryWriteTests(SandboxBackendKind backend)
{
    private static readonly string Source = XdmSampleData.TablesFor(XdmSampleData.DefaultPrefix).Events;
    private static readonly string Target = AppendContext.XdmTables.Events;
    private QueryServiceSandbox _sandbox = null!;

    [SetUp]
    public async Task CreateTables()
    {
        _sandbox = await XdmData.SeedAsync(backend);
        await AppendContext.CreateTablesAsync(_sandbox);
        await _sandbox.ExecuteAdminAsync("DROP TABLE IF EXISTS wr_summary, wr_purchases");
    }

    private XdmSampleContext Source_() => new QueryServiceDbContextFactory<XdmSampleContext>(_sandbox.Credentials()).CreateDbContext();

    [Test]
    public async Task Insert_into_from_an_entity_query_appends_the_nested_rows_psql_selects()
    {
        int written;
        await using (var db = Source_())
        {
            written = await db.Events.Where(
                e => e.EventType == "commerce.purchases" && e.Commerce!.Order!.PriceTotal > 100).InsertIntoAsync(Target);
        }

        var expected = await _sandbox.PsqlAsync(
            $"""SELECT _id, to_jsonb(web), to_jsonb(commerce), to_jsonb("productListItems"), to_jsonb(_luma) FROM {Source} """
            + $"""WHERE "eventType" = 'commerce.purchases' AND (commerce)."order"."priceTotal" > 100 ORDER BY _id""");
        var actual = await _sandbox.PsqlAsync(
            $"""SELECT _id, to_jsonb(web), to_jsonb(commerce), to_jsonb("productListItems"), to_jsonb(_luma) FROM {Target} ORDER BY _id""");
        Assert.Multiple(() =>
        {
            Assert.That(expected, Is.Not.Empty);
            Assert.That(actual, Is.EqualTo(expected));
            Assert.That(written, Is.EqualTo(expected.Count));
        });
    }

    [Test]
    public async Task Insert_into_an_entity_set_maps_projected_members_to_its_columns()
    {
        var (append, _) = AppendContext.Open(_sandbox, "default");
        await using (append)
        await using (var db = Source_())
        {
            await db.Events.Where(e => e.Web!.WebPageDetails!.Name != null)
                .Select(e => new
                {
                    e.Id, e.Timestamp, e.EventType, PageName = e.Web!.WebPageDetails!.Name, PageUrl = e.Web.WebPageDetails.Url,
                    e.Commerce!.Order!.PriceTotal, BrowserName = e.Environment!.BrowserDetails!.Name, LoyaltyTier = e.Luma!.Loyalty!.Tier,
                })
                .InsertIntoAsync(append.Set<FlatEvent>());
        }

        var expected = await _sandbox.PsqlAsync($"""
            SELECT _id, "timestamp", "eventType", (web)."webPageDetails".name, (web)."webPageDetails"."URL", (commerce)."order"."priceTotal",
              (environment)."browserDetails".name, (_luma).loyalty.tier FROM {Source} WHERE (web)."webPageDetails".name IS NOT NULL ORDER BY _id
            """);
        var actual = await _sandbox.PsqlAsync($"""SELECT * FROM {AppendContext.XdmTables.Flat} ORDER BY _id""");
        Assert.That(actual, Is.EqualTo(expected).And.Not.Empty);
    }

    [Test]
    public async Task Create_table_as_from_an_aggregate_holds_the_rows_psql_computes()
    {
        await using (var db = Source_())
        {
            await db.Events.GroupBy(e => e.EventType)
                .Select(
                    g => new
                    {
                        EventType = g.Key,
                        Events = g.Count(),
                        Revenue = g.Sum(e => e.Commerce!.Order!.PriceTotal),
                        Items = g.Sum(e => e.ProductListItems!.Count)
                    })
                .CreateTableAsAsync("wr_summary", o => o.Schema("Event summary").Label("profile").RowValidation(false));
        }

        var expected = await _sandbox.PsqlAsync($"""
            SELECT "eventType", count(*), coalesce(sum((commerce)."order"."priceTotal"), 0), coalesce(sum(cardinality("productListItems")), 0) FROM {Source} GROUP BY "eventType" ORDER BY 1
            """);
        var actual = await _sandbox.PsqlAsync("""SELECT "EventType", "Events", "Revenue", "Items" FROM wr_summary ORDER BY 1""");
        Assert.That(actual, Is.EqualTo(expected).And.Not.Empty);
    }

    [Test]
    public async Task Create_table_as_keeps_nested_columns_as_structs()
    {
        await using (var db = Source_())
        {
            await db.Events.Where(e => e.EventType == "commerce.purchases").CreateTableAsAsync("wr_purchases");
            var readBack = await db.Database.SqlQueryRaw<string>(
                "SELECT to_json(web) AS Value FROM wr_purchases ORDER BY _id").ToListAsync();
            Assert.That(readBack, Is.Not.Empty);
        }

        var expected = await _sandbox.PsqlAsync(
            $"""SELECT _id, to_jsonb(web), to_jsonb("productListItems") FROM {Source} WHERE "eventType" = 'commerce.purchases' ORDER BY """
            + $"""_id""");
        var actual = await _sandbox.PsqlAsync("""SELECT _id, to_jsonb(web), to_jsonb("productListItems") FROM wr_purchases ORDER BY _id""");
        var types = await _sandbox.PsqlAsync(
            """SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'wr_purchases'::regclass AND attname = 'web'""");
        Assert.Multiple(() =>
        {
            Assert.That(actual, Is.EqualTo(expected).And.Not.Empty);
            Assert.That(types.Single().Single(), Is.EqualTo("xdm_events_web"), "the column keeps the composite type");
        });
    }

    [Test]
    public void A_projected_value_without_a_name_is_refused_before_sending()
    {
        var capture = new CommandCapture { Suppress = true };
        using var db = ContextFactories.CapturingServiceContext<XdmSampleContext>(capture);
        Assert.That(
            () => db.Events.Select(e => e.Commerce!.Order!.PriceTotal * 2).CreateTableAsAsync("doubled"),
            Throws.InvalidOperationException.With.Message.Contains("needs a name"));
        Assert.That(capture.Commands, Is.Empty);
    }

    [Test]
    public async Task Concatenated_queries_are_written_with_their_nested_values_converted_on_the_stand_in()
    {
        await using (var db = Source_())
        {
            await db.Events.Where(e => e.EventType == "commerce.purchases")
                .Concat(db.Events.Where(e => e.Luma!.Loyalty!.Tier == "gold"))
                .InsertIntoAsync(Target);
        }

        var expected = await _sandbox.PsqlAsync(
            $"""SELECT _id, to_jsonb(web), to_jsonb("productListItems") FROM {Source} WHERE "eventType" = 'commerce.purchases' UNION """
            + $"""ALL SELECT _id, to_jsonb(web), to_jsonb("productListItems") FROM {Source} WHERE (_luma).loyalty.tier = 'gold' ORDER """
            + $"""BY 1, 2""");
        var actual = await _sandbox.PsqlAsync($"""SELECT _id, to_jsonb(web), to_jsonb("productListItems") FROM {Target} ORDER BY 1, 2""");
        Assert.That(actual, Is.EqualTo(expected).And.Not.Empty);
    }

    [Test]
    public async Task A_write_on_a_context_without_query_service_is_refused_not_run_as_a_select()
    {
        await using var plain = new XdmSampleContext(
            new DbContextOptionsBuilder<XdmSampleContext>().UseNpgsql(_sandbox.BackendConnectionString()).Options);
        Assert.That(
            () => plain.FlatEvents.CreateTableAsAsync("wr_copy"),
            Throws.InvalidOperationException.With.Message.Contains("UseQueryService"));
        Assert.That(
            await _sandbox.PsqlAsync("SELECT count(*) FROM pg_class WHERE relname = 'wr_copy'"), Is.EqualTo(new[] { new[] { "0" } }));
        Assert.That(
            () => plain.AppendAsync(Array.Empty<ExperienceEvent>()),
            Throws.InvalidOperationException.With.Message.Contains("UseQueryService"));
        Assert.That(() => plain.Database.DropTableAsync("copy"), Throws.InvalidOperationException.With.Message.Contains("UseQueryService"));
    }

    [TestCase("bad name")]
    [TestCase("a;DROP TABLE x")]
    [TestCase("two__underscores")]
    [TestCase("")]
    public void A_table_name_that_is_not_an_identifier_is_refused(string table)
    {
        using var db = ContextFactories.CapturingServiceContext<XdmSampleContext>(new CommandCapture { Suppress = true });
        Assert.That(() => db.Events.CreateTableAsAsync(table), Throws.ArgumentException.With.Message.Contains("not a table name"));
    }

    public static IEnumerable<TestCaseData> ServiceStatements()
    {
        yield return Statement(
            "Insert_into_from_entities", db => db.Events.Where(e => e.EventType == "commerce.purchases").InsertIntoAsync("purchases"));
        yield return Statement(
            "Insert_into_entity_set_by_member_names",
            db => db.Events.Select(e => new { e.Id, e.Timestamp, PageName = e.Web!.WebPageDetails!.Name })
            .InsertIntoAsync(db.FlatEvents));
        yield return Statement("Create_table_as_with_options", db => db.Events.GroupBy(e => e.Commerce!.Order!.CurrencyCode)
            .Select(g => new { Currency = g.Key, Revenue = g.Sum(e => e.Commerce!.Order!.PriceTotal) })
            .CreateTableAsAsync("revenue_by_currency", o => o.Schema("Revenue 'by' currency").Label("PROFILE").RowValidation(false)));
        yield return Statement(
            "Create_table_as_nested",
            db => db.Events.Where(e => e.ProductListItems!.Any(i => i.Quantity > 3)).CreateTableAsAsync("busy_events"));

        static TestCaseData Statement(string name, Func<XdmSampleContext, Task> write)
            => new TestCaseData(name, write).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(ServiceStatements))]
    public async Task Service_statements_match_their_baselines_and_the_grammar(string name, Func<XdmSampleContext, Task> write)
    {
        var sql = await ContextFactories.ServiceSqlAsync(write);
        Assert.Multiple(() =>
        {
            Assert.That(QueryServiceSqlConformance.Violations(sql), Is.Empty, sql);
            Assert.That(sql, Does.Not.Contain("to_json"), "rows that are written stay structs");
            Baseline.AssertMatches($"Update/Baselines/{name}.sql", sql);
        });
    }
}
