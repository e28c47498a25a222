using System.Text.Json;
using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Tests.Sandbox;

public sealed class XdmSampleDataTests
{
    private const string Prefix = "xdmgen";

    [Test]
    public void The_same_seed_gives_the_same_data_and_another_seed_other_data()
    {
        static string Json(int seed) => JsonSerializer.Serialize(XdmSampleData.Events(200, seed).ToList()) + JsonSerializer.Serialize(
            XdmSampleData.Profiles(50, seed).ToList());
        var first = Json(7);
        var again = Json(7);
        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(Json(8), Is.Not.EqualTo(first));
        });
    }

    [Test]
    public void The_data_covers_the_awkward_cases()
    {
        var events = XdmSampleData.Events(400).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.Web), Has.Some.Null);
            Assert.That(events.Count(e => e.ProductListItems is null), Is.Positive);
            Assert.That(events.Count(e => e.ProductListItems is { Count: 0 }), Is.Positive);
            Assert.That(events.Count(e => e.ProductListItems is { Count: > 1 }), Is.Positive);
            Assert.That(
                events.Select(e => e.Web?.WebPageDetails?.Name ?? ""),
                Has.Some.Contains("\"").And.Some.Contains("\\").And.Some.Contains(","));
            Assert.That(events.Select(e => e.IdentityMap!.Count), Has.Some.EqualTo(1).And.Some.EqualTo(2));
            Assert.That(events.Select(e => e.Luma?.ReservedWordTest?.FirstVisit), Has.Some.True.And.Some.False);
            Assert.That(events.Select(e => e.Commerce?.Order), Has.Some.Not.Null);
        });
    }

    [Test]
    public async Task Tables_use_composite_types_named_like_the_service_shows_them()
    {
        var sandbox = await SharedSandbox.GetAsync();
        var tables = await XdmSampleData.CreateAsync(sandbox, rows: 20, prefix: Prefix + "t");

        var columns = await sandbox.PsqlAsync(
            $"SELECT column_name, udt_name FROM information_schema.columns WHERE table_name = '{tables.Events}' ORDER BY ordinal_position");
        Assert.That(columns.Select(c => $"{c[0]}:{c[1]}"), Is.EqualTo(new[]
        {
            "_id:text", "timestamp:timestamptz", "eventType:text", $"web:{Prefix}t_events_web", $"commerce:{Prefix}t_events_commerce",
            $"productListItems:_{Prefix}t_events_productlistitems_e", $"environment:{Prefix}t_events_environment", "identityMap:jsonb",
            $"_luma:{Prefix}t_events__luma",
        }));
    }

    [Test]
    public async Task What_psql_reads_back_is_what_was_generated()
    {
        var sandbox = await SharedSandbox.GetAsync();
        const int rows = 150;
        var tables = await XdmSampleData.CreateAsync(sandbox, rows, seed: 3, prefix: Prefix);
        var expected = XdmSampleData.Events(rows, seed: 3).ToList();

        var read = await sandbox.PsqlAsync($"SELECT to_json(e) FROM \"{tables.Events}\" e ORDER BY \"_id\"");
        var flat = await sandbox.PsqlAsync($"SELECT count(*), count(\"pageName\"), sum(\"priceTotal\") FROM \"{tables.Flat}\"");
        var profiles = await sandbox.PsqlAsync($"SELECT to_json(p) FROM \"{tables.Profiles}\" p ORDER BY \"_id\"");

        Assert.That(read, Has.Count.EqualTo(rows));
        Assert.Multiple(() =>
        {
            for (var i = 0; i < rows; i++)
            {
                Assert.That(
                    Canonical(JsonDocument.Parse(read[i][0]!).RootElement),
                    Is.EqualTo(Canonical(EventAsJson(expected[i]))),
                    expected[i].Id);
            }

            Assert.That(flat[0][0], Is.EqualTo(rows.ToString(CultureInfo.InvariantCulture)));
            Assert.That(
                flat[0][1],
                Is.EqualTo(expected.Count(e => e.Web?.WebPageDetails?.Name is not null).ToString(CultureInfo.InvariantCulture)));
            Assert.That(profiles, Has.Count.EqualTo(rows));
            var first = XdmSampleData.Profiles(1, seed: 3).Single();
            var profile = JsonDocument.Parse(profiles[0][0]!).RootElement;
            Assert.That(
                profile.GetProperty("person").GetProperty("name").GetProperty("lastName").GetString(), Is.EqualTo(first.Name!.LastName));
            Assert.That(
                profile.GetProperty("_luma").GetProperty("loyalty").GetProperty("points").GetInt64(), Is.EqualTo(first.Loyalty!.Points));
        });
    }

    // The generated event in the JSON shape to_json gives a row: XDM names, nulls kept.
    private static JsonElement EventAsJson(SampleEvent e)
    {
        static object? Measure(SampleMeasure? m) => m is null ? null : new Dictionary<string, object?> { ["value"] = m.Value };
        var row = new Dictionary<string, object?>
        {
            ["_id"] = e.Id,
            ["timestamp"] = e.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF", CultureInfo.InvariantCulture) + "+00:00",
            ["eventType"] = e.EventType,
            ["web"] = e.Web is null ? null : new Dictionary<string, object?>
            {
                ["webPageDetails"] = e.Web.WebPageDetails is not { } p
                    ? null
                    : new Dictionary<string, object?> { ["name"] = p.Name, ["URL"] = p.Url, ["pageViews"] = Measure(p.PageViews) },
                ["webReferrer"] = e.Web.WebReferrer is not { } r ? null : new Dictionary<string, object?> { ["URL"] = r.Url },
            },
            ["commerce"] = e.Commerce is null ? null : new Dictionary<string, object?>
            {
                ["order"] = e.Commerce.Order is not { } o
                    ? null
                    : new Dictionary<string, object?>
                    {
                        ["purchaseID"] = o.PurchaseId,
                        ["priceTotal"] = o.PriceTotal,
                        ["currencyCode"] = o.CurrencyCode
                    },
                ["purchases"] = Measure(e.Commerce.Purchases),
                ["productViews"] = Measure(e.Commerce.ProductViews),
            },
            ["productListItems"] = e.ProductListItems?.Select(
                i => new Dictionary<string, object?>
                {
                    ["SKU"] = i.Sku,
                    ["name"] = i.Name,
                    ["quantity"] = i.Quantity,
                    ["priceTotal"] = i.PriceTotal
                }).ToList(),
            ["environment"] = e.Environment is null ? null : new Dictionary<string, object?>
            {
                ["browserDetails"] = e.Environment.BrowserDetails is not { } b
                    ? null
                    : new Dictionary<string, object?> { ["name"] = b.Name, ["version"] = b.Version },
            },
            ["identityMap"] = e.IdentityMap?.ToDictionary(
                kv => kv.Key,
                kv => kv.Value.Select(
                    i => new Dictionary<string, object?>
                    {
                        ["id"] = i.Id,
                        ["authenticatedState"] = i.AuthenticatedState,
                        ["primary"] = i.Primary
                    }).ToList()),
            ["_luma"] = e.Luma is null ? null : new Dictionary<string, object?>
            {
                ["loyalty"] = e.Luma.Loyalty is not { } l
                    ? null
                    : new Dictionary<string, object?> { ["tier"] = l.Tier, ["points"] = l.Points },
                ["reservedWordTest"] = e.Luma.ReservedWordTest is not { } t
                    ? null
                    : new Dictionary<string, object?> { ["order"] = t.Order, ["1stVisit"] = t.FirstVisit },
            },
        };
        return JsonSerializer.SerializeToElement(row);
    }

    // Object keys sorted and numbers as doubles, so key order and 1 vs 1.0 do not matter.
    private static string Canonical(JsonElement element)
        => element.ValueKind switch
        {
            JsonValueKind.Object => "{" + string.Join(
                ",",
                element.EnumerateObject()
                    .OrderBy(p => p.Name, StringComparer.Ordinal)
                    .Select(p => $"\"{p.Name}\":{Canonical(p.Value)}")) + "}",
            JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
            JsonValueKind.Number => element.GetDouble().ToString("R", CultureInfo.InvariantCulture),
            JsonValueKind.String => JsonSerializer.Serialize(element.GetString()),
            _ => element.GetRawText(),
        };
}
