using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Tests.Sandbox;

/// <summary>
/// The query forms of Adobe's Query Service pages (nested data, identity maps, arrays, SHOW TABLES, LIMIT 0, CTAS,
/// INSERT INTO) sent to the front by psql against the XDM sample tables, each compared with psql running a PostgreSQL
/// query written by hand on the backend: the two share no code.
/// </summary>
[NonParallelizable]
public sealed class AdobeDocumentedQueryTests
{
    private const string Prefix = "adobe";
    private QueryServiceSandbox _sandbox = null!;
    private XdmSampleTables _tables = null!;

    [OneTimeSetUp]
    public async Task CreateAsync()
    {
        _sandbox = await SharedSandbox.GetAsync();
        _tables = await XdmSampleData.CreateAsync(_sandbox, rows: 300, seed: 7, prefix: Prefix);
    }

    private static IEnumerable<TestCaseData> Queries()
    {
        yield return new TestCaseData(
            "SELECT web.webPageDetails.name, count(1) AS views FROM adobe_events WHERE web.webPageDetails.name IS NOT NULL GROUP BY "
            + "web.webPageDetails.name ORDER BY views DESC, 1 LIMIT 10",
            """SELECT (web)."webPageDetails"."name", count(1) FROM adobe_events WHERE (web)."webPageDetails"."name" IS NOT NULL GROUP """
            + """BY 1 ORDER BY 2 DESC, 1 LIMIT 10""")
            .SetName("Dot paths into nested objects, grouped");
        yield return new TestCaseData(
            "SELECT e.web.webReferrer.URL FROM adobe_events e WHERE e.web.webReferrer.URL IS NOT NULL ORDER BY e._id LIMIT 20",
            """SELECT (e.web)."webReferrer"."URL" FROM adobe_events e WHERE (e.web)."webReferrer"."URL" IS NOT NULL ORDER BY e._id """
            + """LIMIT 20""")
            .SetName("A dot path behind a table alias");
        yield return new TestCaseData(
            "SELECT _id, identityMap['ECID'][0].id FROM adobe_events WHERE identityMap['ECID'] IS NOT NULL ORDER BY _id LIMIT 25",
            """SELECT _id, "identityMap"->'ECID'->0->>'id' FROM adobe_events WHERE "identityMap"->'ECID' IS NOT NULL ORDER BY _id LIMIT """
            + """25""")
            .SetName("An identity map lookup, first identity's id");
        yield return new TestCaseData(
            "SELECT count(1) FROM adobe_profiles WHERE identityMap['Email'][0]['primary'] = true",
            """SELECT count(1) FROM adobe_profiles WHERE ("identityMap"->'Email'->0->>'primary')::boolean""")
            .SetName("An identity map lookup with bracketed fields");
        yield return new TestCaseData(
            "SELECT _id, size(productListItems), productListItems[0].SKU FROM adobe_events ORDER BY _id LIMIT 30",
            """SELECT _id, coalesce(cardinality("productListItems"), -1), ("productListItems"[1])."SKU" FROM adobe_events ORDER BY _id """
            + """LIMIT 30""")
            .SetName("Array size and the first element, 0-based");
        yield return new TestCaseData(
            "SELECT item.SKU, sum(item.quantity) AS units FROM (SELECT explode(productListItems) AS item FROM adobe_events) GROUP BY "
            + "item.SKU ORDER BY units DESC, 1 LIMIT 15",
            """SELECT i."SKU", sum(i.quantity) FROM adobe_events, unnest("productListItems") AS i GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 15""")
            .SetName("explode of an array of objects, aggregated");
        yield return new TestCaseData(
            "SELECT date_format(timestamp, 'yyyy-MM-dd') AS day, count(1) FROM adobe_events GROUP BY 1 ORDER BY 1",
            """SELECT to_char("timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD'), count(1) FROM adobe_events GROUP BY 1 ORDER BY 1""")
            .SetName("Events per day");
    }

    [TestCaseSource(nameof(Queries))]
    public async Task The_front_answers_as_hand_written_PostgreSQL_does(string service, string postgres)
    {
        var front = await _sandbox.PsqlFrontAsync(service);
        var reference = await _sandbox.PsqlAsync(postgres);
        Assert.That(front, Is.EqualTo(reference).And.Count.GreaterThan(0));
    }

    [Test]
    public async Task SHOW_TABLES_lists_the_datasets_with_the_services_columns()
    {
        var front = await _sandbox.PsqlFrontAsync("SHOW TABLES");
        var reference = await _sandbox.PsqlAsync("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
        Assert.Multiple(() =>
        {
            Assert.That(
                front.Select(r => r[0]).Order(StringComparer.Ordinal),
                Is.EqualTo(reference.Select(r => r[0]).Order(StringComparer.Ordinal)));
            Assert.That(
                front.Where(r => r[0] == _tables.Events).Select(r => r.Count),
                Is.EqualTo(new[] { 5 }),
                "name, dataSetId, dataSet, description, labels");
        });
    }

    [Test]
    public async Task LIMIT_0_returns_every_row_where_the_default_stops_at_the_cap()
    {
        var all = await _sandbox.PsqlFrontAsync($"SELECT _id FROM {_tables.Flat} LIMIT 0");
        var reference = await _sandbox.PsqlAsync($"SELECT _id FROM {_tables.Flat} ORDER BY _id");
        Assert.That(all.Select(r => r[0]).Order(StringComparer.Ordinal), Is.EqualTo(reference.Select(r => r[0])));
    }

    [Test]
    public async Task CTAS_then_INSERT_INTO_write_what_the_selects_read()
    {
        await _sandbox.ExecuteAdminAsync("DROP TABLE IF EXISTS adobe_event_counts");
        await _sandbox.PsqlFrontAsync(
            $"CREATE TABLE adobe_event_counts AS (SELECT eventType, count(1) AS events FROM {_tables.Events} GROUP BY eventType)");
        var created = await _sandbox.PsqlAsync("""SELECT "eventType", events FROM adobe_event_counts ORDER BY 1""");
        await _sandbox.PsqlFrontAsync(
            $"INSERT INTO adobe_event_counts SELECT eventType, count(1) FROM {_tables.Events} GROUP BY eventType");
        var appended = await _sandbox.PsqlAsync(
            """SELECT "eventType", events, count(*) FROM adobe_event_counts GROUP BY 1, 2 ORDER BY 1""");
        var reference = await _sandbox.PsqlAsync($"""SELECT "eventType", count(1) FROM {_tables.Events} GROUP BY 1 ORDER BY 1""");
        Assert.Multiple(() =>
        {
            Assert.That(created, Is.EqualTo(reference).And.Count.GreaterThan(1));
            Assert.That(appended, Is.EqualTo(reference.Select(r => new[] { r[0], r[1], "2" })), "each group twice after the append");
        });
    }
}
