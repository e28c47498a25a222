using System.Text.Json;
using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Sandbox.Xdm;
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
    private static readonly string P = XdmSampleData.TablesFor(XdmSampleData.DefaultPrefix).Profiles;

    public static IEnumerable<LinqCase<XdmSampleContext>> Cases()
    {
        yield return Rows(
            "Nested_leaf_in_where", db => db.Events.Where(e => e.Web!.WebPageDetails!.Name == "Home").OrderBy(e => e.Id).Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e WHERE (e.web)."webPageDetails"."name" = 'Home' ORDER BY "_id" """);
        yield return Rows(
            "Nested_leaves_in_select",
            db => db.Events.OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.Web!.WebPageDetails!.Url, Browser = e.Environment!.BrowserDetails!.Name }),
            $"""SELECT "_id", (e.web)."webPageDetails"."URL", (e.environment)."browserDetails"."name" FROM {E} e ORDER BY "_id" """);
        yield return Rows(
            "Nested_double_comparison",
            db => db.Events.Where(e => e.Commerce!.Order!.PriceTotal > 250)
                .OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.Commerce!.Order!.PriceTotal }),
            $"""SELECT "_id", (e.commerce)."order"."priceTotal" FROM {E} e WHERE (e.commerce)."order"."priceTotal" > 250 ORDER """
            + $"""BY "_id" """);
        yield return Rows(
            "Reserved_word_segment",
            db => db.Events.Where(e => e.Luma!.ReservedWordTest!.Order!.EndsWith("7"))
                .OrderBy(e => e.Id)
                .Select(e => e.Luma!.ReservedWordTest!.Order),
            $"""SELECT (e."_luma")."reservedWordTest"."order" FROM {E} e WHERE (e."_luma")."reservedWordTest"."order" LIKE '%7' ORDER """
            + $"""BY "_id" """);
        yield return Rows(
            "Digit_led_segment",
            db => db.Events.Where(e => e.Luma!.ReservedWordTest!.FirstVisit == true).OrderBy(e => e.Id).Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e WHERE (e."_luma")."reservedWordTest"."1stVisit" ORDER BY "_id" """);
        yield return Rows(
            "Nested_leaf_ordering_with_nulls",
            db => db.Events.OrderBy(e => e.Luma!.Loyalty!.Points).ThenBy(e => e.Id).Select(e => new { e.Id, e.Luma!.Loyalty!.Points }),
            $"""SELECT "_id", (e."_luma").loyalty.points FROM {E} e ORDER BY (e."_luma").loyalty.points NULLS FIRST, "_id" """);
        yield return Rows(
            "Nested_leaf_descending_then_paging",
            db => db.Events.OrderByDescending(e => e.Commerce!.Order!.PriceTotal).ThenBy(e => e.Id).Skip(2).Take(5).Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e ORDER BY (e.commerce)."order"."priceTotal" DESC NULLS LAST, "_id" LIMIT 5 OFFSET 2""");
        yield return Rows(
            "Group_by_nested_leaf",
            db => db.Events.GroupBy(e => e.Environment!.BrowserDetails!.Name).Select(g => new { g.Key, N = g.Count() }).OrderBy(x => x.Key),
            $"""SELECT (e.environment)."browserDetails"."name", count(*) FROM {E} e GROUP BY 1 ORDER BY 1""");
        yield return Rows("Group_by_nested_leaf_with_nested_aggregates", db => db.Events.GroupBy(e => e.Environment!.BrowserDetails!.Name)
                .Select(
                    g => new
                    {
                        g.Key,
                        Max = g.Max(e => e.Commerce!.Order!.PriceTotal),
                        Points = g.Sum(e => e.Luma!.Loyalty!.Points)
                    }).OrderBy(x => x.Key),
            $"""SELECT (e.environment)."browserDetails"."name", max((e.commerce)."order"."priceTotal"), """
            + $"""COALESCE(sum((e."_luma").loyalty.points), 0) FROM {E} e GROUP BY 1 ORDER BY 1""");
        yield return Rows(
            "Null_object_and_null_leaf",
            db => db.Events.Where(e => e.Commerce == null || e.Web!.WebReferrer!.Url == null).OrderBy(e => e.Id).Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e WHERE e.commerce IS NULL OR (e.web)."webReferrer"."URL" IS NULL ORDER BY "_id" """);
        yield return Rows(
            "Nested_leaf_string_members",
            db => db.Events.Where(
                e => e.Web!.WebPageDetails!.Name!.Contains("ü")
                    || e.Web!.WebPageDetails!.Name!.StartsWith("Cart")).OrderBy(e
                        => e.Id).Select(e => e.Web!.WebPageDetails!.Name!.ToUpper()),
            $"""SELECT upper((e.web)."webPageDetails"."name") FROM {E} e WHERE (e.web)."webPageDetails"."name" LIKE '%ü%' OR """
            + $"""(e.web)."webPageDetails"."name" LIKE 'Cart%' ORDER BY "_id" """);
        yield return Rows(
            "Nested_measure_value",
            db => db.Events.Where(e => e.Web!.WebPageDetails!.PageViews!.Value == 1).OrderBy(e => e.Id).Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e WHERE (e.web)."webPageDetails"."pageViews"."value" = 1 ORDER BY "_id" """);
        yield return Scalar("Count_with_nested_predicate", async db => await db.Events.CountAsync(e => e.Luma!.Loyalty!.Tier == "gold"),
            $"""SELECT count(*) FROM {E} e WHERE (e."_luma").loyalty.tier = 'gold'""");
        yield return Rows("Distinct_nested_leaf", db => db.Events.Select(e => e.Commerce!.Order!.CurrencyCode).Distinct(),
            $"""SELECT DISTINCT (e.commerce)."order"."currencyCode" FROM {E} e""", ordered: false);
        yield return Rows("Nested_leaf_conditional", db => db.Events.OrderBy(e => e.Id).Select(e => e.Luma!.Loyalty!.Tier ?? "none"),
            $"""SELECT COALESCE((e."_luma").loyalty.tier, 'none') FROM {E} e ORDER BY "_id" """);
        yield return Rows("Self_join_on_nested_leaf", db => db.Events.Where(e => e.Id == "evt-00000003")
                .Join(
                    db.Events, a => a.Environment!.BrowserDetails!.Name, b => b.Environment!.BrowserDetails!.Name,
                    (a, b) => b.Id).OrderBy(id => id).Take(5),
            $"""SELECT b."_id" FROM {E} a JOIN {E} b ON (a.environment)."browserDetails"."name" = """
            + $"""(b.environment)."browserDetails"."name" WHERE a."_id" = 'evt-00000003' ORDER BY b."_id" LIMIT 5""");
        yield return Rows(
            "Nested_leaf_arithmetic",
            db => db.Events.Where(e => e.Commerce!.Order != null).OrderBy(e => e.Id).Select(e => e.Commerce!.Order!.PriceTotal * 2),
            $"""SELECT (e.commerce)."order"."priceTotal" * 2 FROM {E} e WHERE (e.commerce)."order"."purchaseID" IS NOT NULL ORDER """
            + $"""BY "_id" """);
    }

    public static IEnumerable<LinqCase<XdmSampleContext>> MoreCases()
    {
        var browsers = new[] { "Chrome", "Safari" };
        yield return Rows(
            "Nested_leaves_of_two_objects",
            db => db.Events.Where(
                e => e.Environment!.BrowserDetails!.Name == "Firefox"
                    && e.Luma!.Loyalty!.Tier == "gold").OrderBy(e => e.Id).Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e WHERE (e.environment)."browserDetails"."name" = 'Firefox' AND (e."_luma").loyalty.tier = 'gold' """
            + $"""ORDER BY "_id" """);
        yield return Rows(
            "Nested_leaf_in_list",
            db => db.Events.Where(e => browsers.Contains(e.Environment!.BrowserDetails!.Name)).OrderBy(e => e.Id).Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e WHERE (e.environment)."browserDetails"."name" IN ('Chrome', 'Safari') ORDER BY "_id" """);
        yield return Rows(
            "Nested_leaf_is_null",
            db => db.Events.Where(e => e.Commerce!.Order!.PurchaseId == null && e.Commerce != null).OrderBy(e => e.Id).Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e WHERE (e.commerce)."order"."purchaseID" IS NULL AND to_json(e.commerce) IS NOT NULL ORDER """
            + $"""BY "_id" """);
        yield return Rows(
            "Nested_leaves_concatenated",
            db => db.Events.OrderBy(e => e.Id)
                .Select(e => e.Environment!.BrowserDetails!.Name + " " + e.Environment!.BrowserDetails!.Version),
            $"""SELECT COALESCE((e.environment)."browserDetails"."name", '') || ' ' || """
            + $"""COALESCE((e.environment)."browserDetails"."version", '') FROM {E} e ORDER BY "_id" """);
        yield return Rows(
            "Order_by_two_nested_leaves",
            db => db.Events.OrderBy(e => e.Environment!.BrowserDetails!.Name)
                .ThenByDescending(e => e.Luma!.Loyalty!.Points)
                .ThenBy(e => e.Id)
                .Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e ORDER BY (e.environment)."browserDetails"."name" NULLS FIRST, (e."_luma").loyalty.points DESC """
            + $"""NULLS LAST, "_id" """);
        yield return Scalar(
            "Distinct_count_of_nested_leaf", async db => await db.Events.Select(e => e.Web!.WebPageDetails!.Name).Distinct().CountAsync(),
            $"""SELECT count(*) FROM (SELECT DISTINCT (e.web)."webPageDetails"."name" FROM {E} e) t""");
        yield return Rows(
            "Group_by_two_nested_keys",
            db => db.Events.GroupBy(e => new { Browser = e.Environment!.BrowserDetails!.Name, Tier = e.Luma!.Loyalty!.Tier })
                .Select(g => new { g.Key.Browser, g.Key.Tier, N = g.Count() }).OrderBy(x => x.Browser).ThenBy(x => x.Tier),
            $"""SELECT (e.environment)."browserDetails"."name" AS b, (e."_luma").loyalty.tier AS t, count(*) FROM {E} e GROUP BY 1, 2 """
            + $"""ORDER BY b NULLS FIRST, t NULLS FIRST""");
        yield return Rows(
            "Correlated_subquery_on_nested_leaves",
            db => db.Events.Where(
                e => db.Events.Any(
                    o => o.Environment!.BrowserDetails!.Name == e.Environment!.BrowserDetails!.Name
                        && o.Commerce!.Order!.PriceTotal > 450)).OrderBy(e => e.Id).Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e WHERE EXISTS (SELECT 1 FROM {E} o WHERE (o.environment)."browserDetails"."name" = """
            + $"""(e.environment)."browserDetails"."name" AND (o.commerce)."order"."priceTotal" > 450) ORDER BY "_id" """);
        yield return Scalar("Max_of_nested_leaf", async db => await db.Events.MaxAsync(e => e.Commerce!.Order!.PriceTotal),
            $"""SELECT max((e.commerce)."order"."priceTotal") FROM {E} e""");
        yield return Scalar("Average_of_nested_leaf", async db => await db.Events.AverageAsync(e => (double?)e.Luma!.Loyalty!.Points),
            $"""SELECT avg(CAST((e."_luma").loyalty.points AS double precision)) FROM {E} e""");
        yield return Rows(
            "Nested_leaf_string_length",
            db => db.Events.Where(e => e.Web!.WebPageDetails!.Name!.Length > 12)
                .OrderBy(e => e.Id)
                .Select(e => new { e.Id, L = e.Web!.WebPageDetails!.Name!.Length }),
            $"""SELECT "_id", length((e.web)."webPageDetails"."name") FROM {E} e WHERE length((e.web)."webPageDetails"."name") > 12 """
            + $"""ORDER BY "_id" """);
        yield return Rows(
            "Nested_leaf_in_conditional", db => db.Events.OrderBy(e => e.Id).Select(e => e.Luma!.Loyalty!.Points > 5000 ? "high" : "low"),
            $"""SELECT CASE WHEN (e."_luma").loyalty.points > 5000 THEN 'high' ELSE 'low' END FROM {E} e ORDER BY "_id" """);
        yield return Rows(
            "Nested_boolean_negated",
            db => db.Events.Where(e => e.Luma!.ReservedWordTest!.FirstVisit != true).OrderBy(e => e.Id).Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e WHERE (e."_luma")."reservedWordTest"."1stVisit" IS DISTINCT FROM true ORDER BY "_id" """);
        yield return Rows("Join_events_to_profiles_on_nested_fields", db => db.Events.Where(e => e.Luma!.Loyalty!.Points > 9000)
                .Join(
                    db.Profiles, e => e.Luma!.Loyalty!.Tier, p => p.Luma!.Loyalty!.Tier,
                    (e, p) => new { e.Id, Profile = p.Id, p.Person!.Name!.LastName })
                .OrderBy(x => x.Id).ThenBy(x => x.Profile),
            $"""SELECT e."_id", p."_id", (p.person)."name"."lastName" FROM {E} e JOIN {P} p ON (e."_luma").loyalty.tier = """
            + $"""(p."_luma").loyalty.tier WHERE (e."_luma").loyalty.points > 9000 ORDER BY e."_id", p."_id" """);
        yield return Rows(
            "Profile_nested_name",
            db => db.Profiles.Where(p => p.Person!.Name!.LastName == "Last 5")
                .OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.Person!.Name!.FirstName }),
            $"""SELECT "_id", (person)."name"."firstName" FROM {P} WHERE (person)."name"."lastName" = 'Last 5' ORDER BY "_id" """);
        yield return Rows(
            "Profile_nested_date_ordering",
            db => db.Profiles.OrderBy(p => p.Person!.BirthDate).ThenBy(p => p.Id).Select(p => new { p.Id, p.Person!.BirthDate }).Take(20),
            $"""SELECT "_id", (person)."birthDate" FROM {P} ORDER BY (person)."birthDate" NULLS FIRST, "_id" LIMIT 20""");
        yield return Rows(
            "Profile_group_by_loyalty_tier",
            db => db.Profiles.GroupBy(p => p.Luma!.Loyalty!.Tier)
                .Select(g => new { g.Key, N = g.Count(), Points = g.Sum(p => p.Luma!.Loyalty!.Points) })
                .OrderBy(x => x.Key),
            $"""SELECT ("_luma").loyalty.tier, count(*), COALESCE(sum(("_luma").loyalty.points), 0) FROM {P} GROUP BY 1 ORDER BY 1""");
        yield return Rows(
            "Profile_email_ends_with",
            db => db.Profiles.Where(p => p.PersonalEmail!.Address!.EndsWith("7@example.com"))
                .OrderBy(p => p.Id)
                .Select(p => p.PersonalEmail!.Address),
            $"""SELECT ("personalEmail").address FROM {P} WHERE ("personalEmail").address LIKE '%7@example.com' ORDER BY "_id" """);
        yield return Rows(
            "Profile_first_name_coalesce", db => db.Profiles.OrderBy(p => p.Id).Select(p => p.Person!.Name!.FirstName ?? "(none)"),
            $"""SELECT COALESCE((person)."name"."firstName", '(none)') FROM {P} ORDER BY "_id" """);
        yield return Rows(
            "Nested_paging_descending",
            db => db.Events.OrderByDescending(e => e.Luma!.Loyalty!.Points)
                .ThenBy(e => e.Id)
                .Skip(10)
                .Take(10)
                .Select(e => new { e.Id, e.Luma!.Loyalty!.Points }),
            $"""SELECT "_id", (e."_luma").loyalty.points FROM {E} e ORDER BY (e."_luma").loyalty.points DESC NULLS LAST, "_id" LIMIT 10 """
            + $"""OFFSET 10""");
    }

    [Test]
    public void At_least_forty_nested_queries_are_covered()
        => Assert.That(AllCases().Count(), Is.GreaterThanOrEqualTo(40));

    public static IEnumerable<LinqCase<XdmSampleContext>> ArrayCases()
    {
        yield return Rows(
            "Array_count",
            db => db.Events.Where(e => e.ProductListItems!.Count > 1)
                .OrderBy(e => e.Id)
                .Select(e => new { e.Id, N = e.ProductListItems!.Count }),
            $"""SELECT "_id", cardinality("productListItems") FROM {E} WHERE cardinality("productListItems") > 1 ORDER BY "_id" """);
        yield return Rows(
            "Array_element",
            db => db.Events.Where(e => e.ProductListItems!.Count > 0).OrderBy(e => e.Id).Select(e => e.ProductListItems![0]),
            $"""SELECT to_json(("productListItems")[1]) FROM {E} WHERE cardinality("productListItems") > 0 ORDER BY "_id" """);
        yield return Rows(
            "Array_any_with_predicate",
            db => db.Events.Where(e => e.ProductListItems!.Any(i => i.Quantity >= 4 && i.PriceTotal > 50))
                .OrderBy(e => e.Id)
                .Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e WHERE EXISTS (SELECT 1 FROM unnest(e."productListItems") AS i WHERE i.quantity >= 4 AND """
            + $"""i."priceTotal" > 50) ORDER BY "_id" """);
        yield return Rows(
            "Array_count_with_predicate",
            db => db.Events.Where(e => e.ProductListItems != null)
                .OrderBy(e => e.Id)
                .Select(e => new { e.Id, Shoes = e.ProductListItems!.Count(i => i.Name!.Contains("Shoe")) }),
            $"""SELECT "_id", (SELECT count(*) FROM unnest(e."productListItems") AS i WHERE i.name LIKE '%Shoe%') FROM {E} e WHERE """
            + $"""e."productListItems" IS NOT NULL ORDER BY "_id" """);
        yield return Rows(
            "Array_any_with_string_predicate_negated",
            db => db.Events.Where(
                e => e.ProductListItems!.Count > 0
                    && !e.ProductListItems!.Any(i => i.Sku!.StartsWith("SKU-00"))).OrderBy(e => e.Id).Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e WHERE cardinality(e."productListItems") > 0 AND NOT EXISTS (SELECT 1 FROM """
            + $"""unnest(e."productListItems") AS i WHERE i."SKU" LIKE 'SKU-00%') ORDER BY "_id" """);
        yield return Rows(
            "Map_value_element_field", db => db.Profiles.OrderBy(p => p.Id).Select(p => new { p.Id, Ecid = p.IdentityMap!["ECID"][0].Id }),
            $"""SELECT "_id", (("identityMap" -> 'ECID') -> 0) ->> 'id' FROM {P} ORDER BY "_id" """);
        yield return Rows(
            "Map_value_in_where",
            db => db.Profiles.Where(
                p => p.IdentityMap!["Email"][1].Id!.StartsWith("alt1")
                    && p.IdentityMap["ECID"][0].Primary == true).OrderBy(p => p.Id).Select(p => p.Id),
            $"""SELECT "_id" FROM {P} WHERE ((("identityMap" -> 'Email') -> 1) ->> 'id') LIKE 'alt1%' AND CAST((("identityMap" -> """
            + $"""'ECID') -> 0) ->> 'primary' AS boolean) ORDER BY "_id" """);
        yield return Rows(
            "Map_value_count",
            db => db.Profiles.Where(p => p.IdentityMap!["Email"].Count > 1)
                .OrderBy(p => p.Id)
                .Select(p => new { p.Id, N = p.IdentityMap!["Email"].Count }),
            $"""SELECT "_id", jsonb_array_length("identityMap" -> 'Email') FROM {P} WHERE jsonb_array_length("identityMap" -> 'Email') """
            + $"""> 1 ORDER BY "_id" """);
        yield return Rows(
            "Map_key_present", db => db.Profiles.Where(p => p.IdentityMap!["Email"] != null).OrderBy(p => p.Id).Select(p => p.Id),
            $"""SELECT "_id" FROM {P} WHERE "identityMap" ? 'Email' ORDER BY "_id" """);
        yield return Rows(
            "Array_element_field_in_where",
            db => db.Events.Where(e => e.ProductListItems!.Count > 1 && e.ProductListItems[1].Quantity > 3)
                .OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.ProductListItems![0].Sku }),
            $"""SELECT "_id", ("productListItems")[1]."SKU" FROM {E} WHERE cardinality("productListItems") > 1 AND """
            + $"""("productListItems")[2].quantity > 3 ORDER BY "_id" """);
        // No generated item lacks a SKU: the stand-in proves the statement runs and matches nothing, the baseline that it says IS NULL.
        string? noSku = null;
        yield return Rows(
            "Array_any_with_null_comparison", db => db.Events.Where(e => e.ProductListItems!.Any(i => i.Sku == noSku)).Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e WHERE EXISTS (SELECT 1 FROM unnest(e."productListItems") AS i WHERE i."SKU" IS NULL)""")
            with { ExpectsNoRows = true };
        yield return Rows("Array_predicates_over_missing_arrays", db => db.Events.OrderBy(e => e.Id).Select(e => new
            {
                e.Id,
                Big = e.ProductListItems!.Any(i => i.Quantity > 3),
                Shoes = e.ProductListItems!.Count(i => i.Name!.Contains("Shoe")),
                N = (int?)e.ProductListItems!.Count,
            }),
            $"""
            SELECT "_id", EXISTS (SELECT 1 FROM unnest(e."productListItems") AS i WHERE i.quantity > 3),
              (SELECT count(*) FROM unnest(e."productListItems") AS i WHERE i.name LIKE '%Shoe%'), cardinality(e."productListItems")
            FROM {E} e ORDER BY "_id"
            """);
        yield return Rows(
            "Array_in_map_any",
            db => db.Profiles.Where(p => p.IdentityMap!["Email"].Any(i => i.Id!.StartsWith("alt1"))).OrderBy(p => p.Id).Select(p => p.Id),
            $"""SELECT "_id" FROM {P} p WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(p."identityMap" -> 'Email') AS i WHERE i ->> """
            + $"""'id' LIKE 'alt1%') ORDER BY "_id" """);
        yield return Rows(
            "Array_select_contains",
            db => db.Events.Where(e => e.ProductListItems!.Select(i => i.Name).Contains("Proteus Fleece, \"Classic\""))
                .OrderBy(e => e.Id)
                .Select(e => e.Id),
            $"""SELECT "_id" FROM {E} e WHERE EXISTS (SELECT 1 FROM unnest(e."productListItems") AS i WHERE i.name = """
            + $"""'Proteus Fleece, "Classic"') ORDER BY "_id" """);
        yield return Rows(
            "Array_select_contains_negated_in_projection",
            db => db.Events.OrderBy(e => e.Id)
                .Select(e => new { e.Id, NoFives = !e.ProductListItems!.Select(i => i.Quantity).Contains(5) }),
            $"""SELECT "_id", NOT EXISTS (SELECT 1 FROM unnest(e."productListItems") AS i WHERE i.quantity = 5) FROM {E} e ORDER """
            + $"""BY "_id" """);
        yield return Rows(
            "Array_in_map_select_contains",
            db => db.Profiles.Where(p => p.IdentityMap!["Email"].Select(i => i.Id).Contains("alt4@example.com")).Select(p => p.Id),
            $"""SELECT "_id" FROM {P} p WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(p."identityMap" -> 'Email') AS i WHERE i ->> """
            + $"""'id' = 'alt4@example.com')""");
        yield return Rows(
            "Array_select_leaves_in_projection",
            db => db.Events.Where(e => e.ProductListItems != null)
                .OrderBy(e => e.Id)
                .Select(e => new { e.Id, Skus = e.ProductListItems!.Select(i => i.Sku).ToList() }),
            $"""SELECT "_id", array_to_json(ARRAY(SELECT i."SKU" FROM unnest(e."productListItems") AS i)) FROM {E} e WHERE """
            + $"""e."productListItems" IS NOT NULL ORDER BY "_id" """);
        yield return Rows(
            "Array_select_over_missing_and_empty_arrays",
            db => db.Events.OrderBy(e => e.Id)
                .Select(e => new { e.Id, Quantities = e.ProductListItems!.Select(i => i.Quantity * 10).ToList() }),
            $"""
            SELECT "_id", CASE WHEN "productListItems" IS NULL THEN NULL WHEN cardinality("productListItems") = 0 THEN '[]'
              ELSE (SELECT array_to_json(array_agg(i.quantity * 10 ORDER BY n)) FROM unnest(e."productListItems") WITH ORDINALITY AS i(sku, name, quantity, total, n)) END
            FROM {E} e ORDER BY "_id"
            """);
        yield return Rows("Array_select_typed_as_object", db => db.Events.Where(e => e.ProductListItems != null).OrderBy(e => e.Id)
                .Select(e => new { e.Id, Skus = e.ProductListItems!.Select<ProductListItem, object?>(i => i.Sku).ToList() }),
            $"""SELECT "_id", array_to_json(ARRAY(SELECT i."SKU" FROM unnest(e."productListItems") AS i)) FROM {E} e WHERE """
            + $"""e."productListItems" IS NOT NULL ORDER BY "_id" """);
        yield return Rows(
            "Array_in_map_select",
            db => db.Profiles.OrderBy(p => p.Id)
                .Select(p => new { p.Id, Emails = p.IdentityMap!["Email"].Select(i => i.Id!.ToUpper()).ToList() }),
            $"""
            SELECT "_id", CASE WHEN p."identityMap" -> 'Email' IS NULL THEN NULL ELSE COALESCE(
              (SELECT array_to_json(array_agg(upper(i ->> 'id') ORDER BY n)) FROM jsonb_array_elements(p."identityMap" -> 'Email') WITH ORDINALITY AS t(i, n)), '[]') END
            FROM {P} p ORDER BY "_id"
            """);
        yield return Rows(
            "Objects_through_a_composed_union",
            db => db.Events.Where(e => e.EventType == "commerce.purchases").Concat(db.Events.Where(e => e.Luma!.Loyalty!.Tier == "gold"))
                .OrderBy(e => e.Id).Take(10).Select(e => new { e.Id, e.Web!.WebPageDetails!.Name }),
            $"""
            SELECT "_id", (web)."webPageDetails"."name" FROM (
              SELECT * FROM {E} WHERE "eventType" = 'commerce.purchases' UNION ALL SELECT * FROM {E} WHERE ("_luma").loyalty.tier = 'gold') u
            ORDER BY "_id" LIMIT 10
            """);
        yield return Rows("Distinct_objects", db => db.Events.Select(e => e.Environment).Distinct(),
            $"""SELECT to_json(environment) FROM (SELECT DISTINCT environment FROM {E}) t""", ordered: false);
        yield return Rows(
            "SelectMany_with_result_selector",
            db => db.Events.SelectMany(e => e.ProductListItems!, (e, i) => new { e.Id, i.Sku, i.Quantity }),
            $"""SELECT "_id", i."SKU", i.quantity FROM {E} e, unnest(e."productListItems") AS i""", ordered: false);
        yield return Rows("SelectMany_filtered_on_element_and_event", db => db.Events.Where(e => e.EventType == "commerce.purchases")
                .SelectMany(e => e.ProductListItems!, (e, i) => new { e.Id, e.Commerce!.Order!.CurrencyCode, i })
                .Where(x => x.i.Quantity >= 3 && x.i.Name!.Contains("e"))
                .Select(x => new { x.Id, x.CurrencyCode, x.i.Name, Total = x.i.PriceTotal * x.i.Quantity }),
            $"""
            SELECT "_id", (commerce)."order"."currencyCode", i.name, i."priceTotal" * i.quantity FROM {E} e, unnest(e."productListItems") AS i
            WHERE "eventType" = 'commerce.purchases' AND i.quantity >= 3 AND i.name LIKE '%e%'
            """, ordered: false);
        yield return Rows("SelectMany_whole_elements", db => db.Events.SelectMany(e => e.ProductListItems!).Where(i => i.PriceTotal > 100),
            $"""SELECT to_json(i) FROM {E} e, unnest(e."productListItems") AS i WHERE i."priceTotal" > 100""", ordered: false);
        yield return Rows("SelectMany_grouped_by_element_leaf", db =>
                from e in db.Events
                from i in e.ProductListItems!
                group i by i.Sku into g
                orderby g.Key
                select new { Sku = g.Key, Lines = g.Count(), Units = g.Sum(i => i.Quantity), Revenue = g.Sum(i => i.PriceTotal) },
            $"""
            SELECT i."SKU", count(*), sum(i.quantity), sum(i."priceTotal") FROM {E} e, unnest(e."productListItems") AS i GROUP BY i."SKU" ORDER BY i."SKU"
            """);
        yield return Rows("SelectMany_joined_to_profiles", db =>
                from e in db.Events
                from i in e.ProductListItems!
                join p in db.Profiles on e.Id.Substring(4) equals p.Id.Substring(5)
                where i.Quantity > 4
                select new { e.Id, i.Sku, p.Person!.Name!.LastName },
            $"""
            SELECT e."_id", i."SKU", (p.person).name."lastName" FROM {E} e CROSS JOIN unnest(e."productListItems") AS i
            JOIN {P} p ON substr(e."_id", 5) = substr(p."_id", 6) WHERE i.quantity > 4
            """, ordered: false);
        yield return Rows(
            "SelectMany_element_count_per_event_ordered",
            db => db.Events.SelectMany(e => e.ProductListItems!, (e, i) => new { e.Id, i.Quantity })
                .GroupBy(x => x.Id)
                .Select(g => new { Id = g.Key, Units = g.Sum(x => x.Quantity) })
                .OrderByDescending(x => x.Units)
                .ThenBy(x => x.Id)
                .Take(15),
            $"""
            SELECT "_id", sum(i.quantity) AS units FROM {E} e, unnest(e."productListItems") AS i GROUP BY "_id" ORDER BY units DESC, "_id" LIMIT 15
            """);
        yield return Rows(
            "Array_null_and_empty",
            db => db.Events.Where(e => e.ProductListItems == null || e.ProductListItems.Count == 0).OrderBy(e => e.Id).Select(e => e.Id),
            $"""SELECT "_id" FROM {E} WHERE "productListItems" IS NULL OR cardinality("productListItems") = 0 ORDER BY "_id" """);
    }

    /// <summary>Every nested case: leaves, profiles, arrays and maps.</summary>
    public static IEnumerable<LinqCase<XdmSampleContext>> AllCases() => Cases().Concat(MoreCases()).Concat(ArrayCases());

    [TestCaseSource(nameof(AllCases))]
    public async Task Results_on_the_stand_in_equal_psql(LinqCase<XdmSampleContext> linq)
        => await LinqCaseAssertions.ResultsEqualPsqlAsync(linq, await XdmData.SeedAsync());

    [TestCaseSource(nameof(AllCases))]
    public Task Service_sql_uses_dot_paths_and_matches_its_baseline(LinqCase<XdmSampleContext> linq)
        => LinqCaseAssertions.ServiceSqlMatchesBaselineAsync(linq, "XdmBaselines");

    private static readonly QueryServiceDialect LateralViews = new() { ExplodeForm = QueryServiceExplodeForm.LateralView };

    /// <summary>The SelectMany cases whose joins all come before the array is exploded, as LATERAL VIEW needs.</summary>
    public static IEnumerable<LinqCase<XdmSampleContext>> LateralViewCases()
        => ArrayCases().Where(c => c.Name.StartsWith("SelectMany_", StringComparison.Ordinal) && c.Name != "SelectMany_joined_to_profiles");

    [TestCaseSource(nameof(LateralViewCases))]
    public async Task With_lateral_views_results_on_the_emulator_equal_psql(LinqCase<XdmSampleContext> linq)
    {
        var sql = await ContextFactories.ServiceSqlAsync<XdmSampleContext>(linq.Run, dialect: LateralViews);
        Assert.Multiple(() =>
        {
            Assert.That(sql, Does.Contain("LATERAL VIEW explode(x.productListItems) p AS value").And.Not.Contain("JOIN LATERAL"));
            Assert.That(QueryServiceSqlConformance.Violations(sql), Is.Empty, sql);
        });
        await LinqCaseAssertions.ResultsEqualPsqlAsync(linq, await XdmData.SeedAsync(), LateralViews);
    }

    [Test]
    public void With_lateral_views_a_join_after_the_explode_is_refused_naming_the_switch()
    {
        var joined = ArrayCases().Single(c => c.Name == "SelectMany_joined_to_profiles");
        Assert.That(() => ContextFactories.ServiceSqlAsync<XdmSampleContext>(joined.Run, dialect: LateralViews),
            Throws.TypeOf<NotSupportedException>().With.Message.Contains("after the query's joins").And.Message.Contains(
                "QueryService:Dialect:ExplodeForm"));
    }

    [Test]
    public void A_maps_own_members_are_refused_rather_than_read_as_keys()
    {
        // In a filter they would have to run on the server, where a map has no Count: EF says so instead of reading a key "count".
        using var db = ContextFactories.CapturingServiceContext<XdmSampleContext>(new CommandCapture { Suppress = true });
        Assert.That(() => db.Profiles.Where(p => p.IdentityMap!.Count > 1).ToQueryString(), Throws.InvalidOperationException);
    }

    [Test]
    public void SelectMany_over_an_array_inside_a_map_is_refused_with_what_to_do_instead()
    {
        using var db = ContextFactories.CapturingServiceContext<XdmSampleContext>(new CommandCapture { Suppress = true });
        Assert.That(
            () => db.Profiles.SelectMany(p => p.IdentityMap!["ECID"], (p, i) => new { p.Id, Ecid = i.Id }).ToQueryString(),
            Throws.InvalidOperationException.With.Message.Contains("inside an XDM map").And.Message.Contains("map[\"key\"][0]"));
    }

    public static IEnumerable<TestCaseData> UntranslatableLambdas()
    {
        yield return new TestCaseData(
            (Func<XdmSampleContext, IQueryable<object>>)(
                db => db.Events.Select(e => (object)e.ProductListItems!.Select(i => new { i.Sku }).ToList())))
            .SetArgDisplayNames("Select_to_anonymous_objects");
        yield return new TestCaseData(
            (Func<XdmSampleContext, IQueryable<object>>)(
                db => db.Events.Select(e => (object)e.ProductListItems!.Select(i => Label(i.Sku)).ToList())))
            .SetArgDisplayNames("Select_through_a_client_method");
        yield return new TestCaseData(
            (Func<XdmSampleContext, IQueryable<object>>)(
                db => db.Events.Select(e => (object)e.ProductListItems!.Any(i => Label(i.Sku) == "SKU-0001!"))))
            .SetArgDisplayNames("Any_through_a_client_method");
    }

    [TestCaseSource(nameof(UntranslatableLambdas))]
    public async Task A_lambda_that_cannot_run_on_the_server_is_refused_in_both_dialects(Func<XdmSampleContext, IQueryable<object>> query)
    {
        // Otherwise EF evaluates the lambda on the client, and its element would reach the SQL outside any lambda.
        using var service = ContextFactories.CapturingServiceContext<XdmSampleContext>(new CommandCapture { Suppress = true });
        await using var standIn = new QueryServiceDbContextFactory<XdmSampleContext>(
            (await XdmData.SeedAsync()).Credentials()).CreateDbContext();
        Assert.Multiple(() =>
        {
            Assert.That(
                () => query(service).ToQueryString(), Throws.InvalidOperationException.With.Message.Contains("lambda over an XDM array"));
            Assert.That(
                async () => await query(standIn).ToListAsync(),
                Throws.InvalidOperationException.With.Message.Contains("lambda over an XDM array"));
        });
    }

    private static string Label(string? sku) => sku + "!";

    [Test]
    public async Task Whole_objects_read_back_equal_what_psql_reads()
    {
        var sandbox = await XdmData.SeedAsync();
        await using var db = new QueryServiceDbContextFactory<XdmSampleContext>(sandbox.Credentials()).CreateDbContext();

        var events = await db.Events.OrderBy(e => e.Id).ToListAsync();
        var referee = await sandbox.PsqlAsync(
            $"""SELECT to_json(web), to_json(commerce), to_json(environment), to_json("_luma"), to_json("productListItems") FROM {E} """
            + $"""ORDER BY "_id" """);

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
    public async Task Profiles_read_back_equal_what_psql_reads_identity_map_included()
    {
        var sandbox = await XdmData.SeedAsync();
        await using var db = new QueryServiceDbContextFactory<XdmSampleContext>(sandbox.Credentials()).CreateDbContext();

        var profiles = await db.Profiles.OrderBy(p => p.Id).ToListAsync();
        var referee = await sandbox.PsqlAsync(
            $"""SELECT to_json(person), to_json("personalEmail"), to_json("identityMap"), to_json("_luma") FROM {P} ORDER BY "_id" """);

        Assert.That(profiles, Has.Count.EqualTo(XdmData.Rows));
        Assert.Multiple(() =>
        {
            for (var i = 0; i < profiles.Count; i++)
            {
                object?[] read = [profiles[i].Person, profiles[i].PersonalEmail, profiles[i].IdentityMap, profiles[i].Luma];
                for (var column = 0; column < read.Length; column++)
                {
                    Assert.That(Json(read[column]), Is.EqualTo(Json(referee[i][column])), $"{profiles[i].Id} column {column}");
                }
            }

            Assert.That(profiles.Select(p => p.IdentityMap!["ECID"][0].Primary), Has.All.True);
        });
    }

    [Test]
    public async Task A_nested_object_alone_is_read_as_json_too()
    {
        var sandbox = await XdmData.SeedAsync();
        await using var db = new QueryServiceDbContextFactory<XdmSampleContext>(sandbox.Credentials()).CreateDbContext();

        var pages = await db.Events.OrderBy(e => e.Id).Select(e => e.Web!.WebPageDetails).ToListAsync();
        var referee = await sandbox.PsqlAsync($"""SELECT to_json((web)."webPageDetails") FROM {E} ORDER BY "_id" """);
        var service = await ContextFactories.ServiceSqlAsync<XdmSampleContext>(
            d => d.Events.Select(e => e.Web!.WebPageDetails).ToListAsync());

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
            JsonValueKind.Object => "{" + string.Join(
                ",",
                element.EnumerateObject()
                    .OrderBy(p => p.Name, StringComparer.Ordinal)
                    .Select(p => $"\"{p.Name}\":{Canonical(p.Value)}")) + "}",
            JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
            JsonValueKind.Number => element.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            JsonValueKind.String => JsonSerializer.Serialize(element.GetString()),
            _ => element.GetRawText(),
        };

    private static LinqCase<XdmSampleContext> Rows<T>(
        string name, Func<XdmSampleContext, IQueryable<T>> query, string sql, bool ordered = true)
        => LinqCase<XdmSampleContext>.Rows(name, query, sql, ordered);

    private static LinqCase<XdmSampleContext> Scalar<T>(string name, Func<XdmSampleContext, Task<T>> query, string sql)
        => LinqCase<XdmSampleContext>.Scalar(name, query, sql);
}
