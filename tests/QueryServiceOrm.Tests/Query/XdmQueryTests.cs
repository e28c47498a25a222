using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Sandbox.Xdm;
using QueryServiceOrm.Tests.Support;
using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Tests.Query;

/// <summary>
/// LINQ over the fields of XDM objects, on the generated ExperienceEvent table: each query must return on the stand-in
/// what psql returns for the same question written with composite field access, and its service SQL (dot paths,
/// back-quoted reserved and digit-led segments) must pass the conformance check and equal its baseline.
/// </summary>
public sealed class XdmQueryTests
{
    private static readonly string E = XdmSampleData.TablesFor(XdmSampleData.DefaultPrefix).Events;

    public static IEnumerable<LinqCase<XdmSampleContext>> Cases()
    {
        yield return Rows("Nested_leaf_in_where", db => db.Events.Where(e => e.Web!.WebPageDetails!.Name == "Home").OrderBy(e => e.Id).Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e WHERE (e.web)."webPageDetails"."name" = 'Home' ORDER BY "_id" """);
        yield return Rows("Nested_leaves_in_select", db => db.Events.OrderBy(e => e.Id).Select(e => new { e.Id, e.Web!.WebPageDetails!.Url, Browser = e.Environment!.BrowserDetails!.Name }),
            $"""SELECT "_id", (e.web)."webPageDetails"."URL", (e.environment)."browserDetails"."name" FROM {E} e ORDER BY "_id" """);
        yield return Rows("Nested_double_comparison", db => db.Events.Where(e => e.Commerce!.Order!.PriceTotal > 250).OrderBy(e => e.Id).Select(e => new { e.Id, e.Commerce!.Order!.PriceTotal }),
            $"""SELECT "_id", (e.commerce)."order"."priceTotal" FROM {E} e WHERE (e.commerce)."order"."priceTotal" > 250 ORDER BY "_id" """);
        yield return Rows("Reserved_word_segment", db => db.Events.Where(e => e.Luma!.ReservedWordTest!.Order!.EndsWith("7")).OrderBy(e => e.Id).Select(e => e.Luma!.ReservedWordTest!.Order),
            $"""SELECT (e."_luma")."reservedWordTest"."order" FROM {E} e WHERE (e."_luma")."reservedWordTest"."order" LIKE '%7' ORDER BY "_id" """);
        yield return Rows("Digit_led_segment", db => db.Events.Where(e => e.Luma!.ReservedWordTest!.FirstVisit == true).OrderBy(e => e.Id).Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e WHERE (e."_luma")."reservedWordTest"."1stVisit" ORDER BY "_id" """);
        yield return Rows("Nested_leaf_ordering_with_nulls", db => db.Events.OrderBy(e => e.Luma!.Loyalty!.Points).ThenBy(e => e.Id).Select(e => new { e.Id, e.Luma!.Loyalty!.Points }),
            $"""SELECT "_id", (e."_luma").loyalty.points FROM {E} e ORDER BY (e."_luma").loyalty.points NULLS FIRST, "_id" """);
        yield return Rows("Nested_leaf_descending_then_paging", db => db.Events.OrderByDescending(e => e.Commerce!.Order!.PriceTotal).ThenBy(e => e.Id).Skip(2).Take(5).Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e ORDER BY (e.commerce)."order"."priceTotal" DESC NULLS LAST, "_id" LIMIT 5 OFFSET 2""");
        yield return Rows("Group_by_nested_leaf", db => db.Events.GroupBy(e => e.Environment!.BrowserDetails!.Name).Select(g => new { g.Key, N = g.Count() }).OrderBy(x => x.Key),
            $"""SELECT (e.environment)."browserDetails"."name", count(*) FROM {E} e GROUP BY 1 ORDER BY 1""");
        yield return Rows("Group_by_nested_leaf_with_nested_aggregates", db => db.Events.GroupBy(e => e.Environment!.BrowserDetails!.Name)
                .Select(g => new { g.Key, Max = g.Max(e => e.Commerce!.Order!.PriceTotal), Points = g.Sum(e => e.Luma!.Loyalty!.Points) }).OrderBy(x => x.Key),
            $"""SELECT (e.environment)."browserDetails"."name", max((e.commerce)."order"."priceTotal"), COALESCE(sum((e."_luma").loyalty.points), 0) FROM {E} e GROUP BY 1 ORDER BY 1""");
        yield return Rows("Null_object_and_null_leaf", db => db.Events.Where(e => e.Commerce == null || e.Web!.WebReferrer!.Url == null).OrderBy(e => e.Id).Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e WHERE e.commerce IS NULL OR (e.web)."webReferrer"."URL" IS NULL ORDER BY "_id" """);
        yield return Rows("Nested_leaf_string_members", db => db.Events.Where(e => e.Web!.WebPageDetails!.Name!.Contains("ü") || e.Web!.WebPageDetails!.Name!.StartsWith("Cart")).OrderBy(e => e.Id).Select(e => e.Web!.WebPageDetails!.Name!.ToUpper()),
            $"""SELECT upper((e.web)."webPageDetails"."name") FROM {E} e WHERE (e.web)."webPageDetails"."name" LIKE '%ü%' OR (e.web)."webPageDetails"."name" LIKE 'Cart%' ORDER BY "_id" """);
        yield return Rows("Nested_measure_value", db => db.Events.Where(e => e.Web!.WebPageDetails!.PageViews!.Value == 1).OrderBy(e => e.Id).Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e WHERE (e.web)."webPageDetails"."pageViews"."value" = 1 ORDER BY "_id" """);
        yield return Scalar("Count_with_nested_predicate", async db => await db.Events.CountAsync(e => e.Luma!.Loyalty!.Tier == "gold"),
            $"""SELECT count(*) FROM {E} e WHERE (e."_luma").loyalty.tier = 'gold'""");
        yield return Rows("Distinct_nested_leaf", db => db.Events.Select(e => e.Commerce!.Order!.CurrencyCode).Distinct(),
            $"""SELECT DISTINCT (e.commerce)."order"."currencyCode" FROM {E} e""", ordered: false);
        yield return Rows("Nested_leaf_conditional", db => db.Events.OrderBy(e => e.Id).Select(e => e.Luma!.Loyalty!.Tier ?? "none"),
            $"""SELECT COALESCE((e."_luma").loyalty.tier, 'none') FROM {E} e ORDER BY "_id" """);
        yield return Rows("Self_join_on_nested_leaf", db => db.Events.Where(e => e.Id == "evt-00000003")
                .Join(db.Events, a => a.Environment!.BrowserDetails!.Name, b => b.Environment!.BrowserDetails!.Name, (a, b) => b.Id).OrderBy(id => id).Take(5),
            $"""SELECT b."_id" FROM {E} a JOIN {E} b ON (a.environment)."browserDetails"."name" = (b.environment)."browserDetails"."name" WHERE a."_id" = 'evt-00000003' ORDER BY b."_id" LIMIT 5""");
        yield return Rows("Nested_leaf_arithmetic", db => db.Events.Where(e => e.Commerce!.Order != null).OrderBy(e => e.Id).Select(e => e.Commerce!.Order!.PriceTotal * 2),
            $"""SELECT (e.commerce)."order"."priceTotal" * 2 FROM {E} e WHERE (e.commerce)."order"."purchaseID" IS NOT NULL ORDER BY "_id" """);
    }

    public static IEnumerable<LinqCase<XdmSampleContext>> ArrayCases()
    {
        yield return Rows("Array_count", db => db.Events.Where(e => e.ProductListItems!.Count > 1).OrderBy(e => e.Id).Select(e => new { e.Id, N = e.ProductListItems!.Count }),
            $"""SELECT "_id", cardinality("productListItems") FROM {E} WHERE cardinality("productListItems") > 1 ORDER BY "_id" """);
        yield return Rows("Array_element", db => db.Events.Where(e => e.ProductListItems!.Count > 0).OrderBy(e => e.Id).Select(e => e.ProductListItems![0]),
            $"""SELECT to_json(("productListItems")[1]) FROM {E} WHERE cardinality("productListItems") > 0 ORDER BY "_id" """);
        yield return Rows("Array_null_and_empty", db => db.Events.Where(e => e.ProductListItems == null || e.ProductListItems.Count == 0).OrderBy(e => e.Id).Select(e => e.Id),
            $"""SELECT "_id" FROM {E} WHERE "productListItems" IS NULL OR cardinality("productListItems") = 0 ORDER BY "_id" """);
    }

    [TestCaseSource(nameof(ArrayCases))]
    public async Task Array_results_on_the_stand_in_equal_psql(LinqCase<XdmSampleContext> linq)
        => await LinqCaseAssertions.ResultsEqualPsqlAsync(linq, await XdmData.SeedAsync());

    [TestCaseSource(nameof(ArrayCases))]
    public Task Array_service_sql_matches_its_baseline(LinqCase<XdmSampleContext> linq)
        => LinqCaseAssertions.ServiceSqlMatchesBaselineAsync(linq, "XdmBaselines");

    [Test]
    public void The_nested_matrix_is_not_empty() => Assert.That(Cases().Count(), Is.GreaterThanOrEqualTo(15));

    [TestCaseSource(nameof(Cases))]
    public async Task Results_on_the_stand_in_equal_psql(LinqCase<XdmSampleContext> linq)
        => await LinqCaseAssertions.ResultsEqualPsqlAsync(linq, await XdmData.SeedAsync());

    [TestCaseSource(nameof(Cases))]
    public Task Service_sql_uses_dot_paths_and_matches_its_baseline(LinqCase<XdmSampleContext> linq)
        => LinqCaseAssertions.ServiceSqlMatchesBaselineAsync(linq, "XdmBaselines");

    [Test]
    public async Task Whole_objects_read_back_equal_what_psql_reads()
    {
        var sandbox = await XdmData.SeedAsync();
        await using var db = new QueryServiceDbContextFactory<XdmSampleContext>(sandbox.Credentials()).CreateDbContext();

        var events = await db.Events.OrderBy(e => e.Id).ToListAsync();
        var referee = await sandbox.PsqlAsync($"""SELECT to_json(web), to_json(commerce), to_json(environment), to_json("_luma"), to_json("productListItems") FROM {E} ORDER BY "_id" """);

        Assert.That(events, Has.Count.EqualTo(XdmData.Rows));
        Assert.Multiple(() =>
        {
            for (var i = 0; i < events.Count; i++)
            {
                object?[] read = [events[i].Web, events[i].Commerce, events[i].Environment, events[i].Luma, events[i].ProductListItems];
                for (var column = 0; column < read.Length; column++)
                {
                    Assert.That(Json(read[column]), Is.EqualTo(Json(referee[i][column])), $"{events[i].Id} column {column}");
                }
            }
        });
    }

    [Test]
    public async Task A_nested_object_alone_is_read_as_json_too()
    {
        var sandbox = await XdmData.SeedAsync();
        await using var db = new QueryServiceDbContextFactory<XdmSampleContext>(sandbox.Credentials()).CreateDbContext();

        var pages = await db.Events.OrderBy(e => e.Id).Select(e => e.Web!.WebPageDetails).ToListAsync();
        var referee = await sandbox.PsqlAsync($"""SELECT to_json((web)."webPageDetails") FROM {E} ORDER BY "_id" """);
        var service = await ContextFactories.ServiceSqlAsync<XdmSampleContext>(d => d.Events.Select(e => e.Web!.WebPageDetails).ToListAsync());

        Assert.Multiple(() =>
        {
            Assert.That(pages.Select(Json), Is.EqualTo(referee.Select(r => Json(r[0]))));
            Assert.That(service, Does.Contain("to_json(e.web.webPageDetails)").Or.Contain("to_json(x.web.webPageDetails)"));
        });
    }

    // Both sides as canonical JSON with XDM names: objects through the library's serializer, psql's text parsed as is.
    private static string Json(object? value)
    {
        var element = value is string text ? JsonDocument.Parse(text).RootElement : JsonSerializer.SerializeToElement(value, XdmNames.Json);
        return Canonical(element);
    }

    private static string Canonical(JsonElement element)
        => element.ValueKind switch
        {
            JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"\"{p.Name}\":{Canonical(p.Value)}")) + "}",
            JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
            JsonValueKind.Number => element.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            JsonValueKind.String => JsonSerializer.Serialize(element.GetString()),
            _ => element.GetRawText(),
        };

    private static LinqCase<XdmSampleContext> Rows<T>(string name, Func<XdmSampleContext, IQueryable<T>> query, string sql, bool ordered = true)
        => LinqCase<XdmSampleContext>.Rows(name, query, sql, ordered);

    private static LinqCase<XdmSampleContext> Scalar<T>(string name, Func<XdmSampleContext, Task<T>> query, string sql)
        => LinqCase<XdmSampleContext>.Scalar(name, query, sql);
}
