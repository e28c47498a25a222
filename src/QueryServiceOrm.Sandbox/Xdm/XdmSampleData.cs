using System.Text.Json;
using Npgsql;

namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary>
/// Deterministic XDM-shaped sample data for the stand-in: an ExperienceEvent table, a profile table and a flat table,
/// with object fields as composite types named <c>&lt;table&gt;_&lt;column&gt;</c> (nested ones
/// <c>&lt;table&gt;_&lt;column&gt;_&lt;field&gt;</c>), arrays of objects as arrays of composites (<c>&lt;name&gt;_e[]</c>), and
/// the identity map, a map of arrays of objects, as jsonb (PostgreSQL has no map type). Column and field names keep
/// XDM's exact camelCase (quoted), including the reserved word <c>order</c> and the digit-led <c>1stVisit</c>.
/// Rows are written with COPY; the same seed gives the same data.
/// </summary>
public static class XdmSampleData
{
    /// <summary>The table name prefix used unless another is given.</summary>
    public const string DefaultPrefix = "xdm";

    private static readonly string[] EventTypes = [
        "web.webpagedetails.pageViews", "commerce.productViews", "commerce.purchases", "web.webinteraction.linkClicks"];
    private static readonly string[] PageNames = [
        "Home", "Product: Men's Shoes", "Cart, \"checkout\" (step 1)", "Ünïcode Seite", "Back\\slash {page}", "Search results"];
    private static readonly string[] Browsers = ["Chrome", "Firefox", "Safari", "Edge"];
    private static readonly string[] Tiers = ["gold", "silver", "bronze"];
    private static readonly string[] Products = [
        "Zeus Running Shoe", "Aether Gym Pant", "Nona Fitness Tank", "Proteus Fleece, \"Classic\""];
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Creates (or replaces) the three tables and fills them.</summary>
    /// <param name="sandbox">The stand-in.</param>
    /// <param name="rows">Rows per table, 0 (empty tables to write into) to 10,000,000.</param>
    /// <param name="seed">The same seed gives the same data.</param>
    /// <param name="prefix">
    /// Table name prefix: tables are <c>{prefix}_events</c>, <c>{prefix}_profiles</c> and <c>{prefix}_flat</c>.
    /// </param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public static async Task<XdmSampleTables> CreateAsync(
        QueryServiceSandbox sandbox, int rows = 100, int seed = 1, string prefix = DefaultPrefix,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, 10_000_000);
        if (!System.Text.RegularExpressions.Regex.IsMatch(prefix, "^[a-z][a-z0-9_]{0,30}$"))
        {
            throw new ArgumentException("The prefix must be a lower-case identifier.", nameof(prefix));
        }

        var tables = TablesFor(prefix);
        await sandbox.ExecuteAdminAsync(Ddl(tables, sandbox.Username), cancellationToken).ConfigureAwait(false);

        await using var connection = await sandbox.OpenAdminConnectionAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await CopyAsync(
            connection, $"COPY \"{tables.Events}\" FROM STDIN", Events(rows, seed).Select(EventLine),
            cancellationToken).ConfigureAwait(false);
        await CopyAsync(
            connection, $"COPY \"{tables.Profiles}\" FROM STDIN", Profiles(rows, seed).Select(ProfileLine),
            cancellationToken).ConfigureAwait(false);
        await CopyAsync(
            connection, $"COPY \"{tables.Flat}\" FROM STDIN", Events(rows, seed).Select(FlatLine), cancellationToken).ConfigureAwait(false);
        await using (var analyze = new NpgsqlCommand($"ANALYZE \"{tables.Events}\"; ANALYZE \"{tables.Profiles}\"; ANALYZE \""
            + $"{tables.Flat}\"", connection))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return tables;
    }

    /// <summary>The names of the tables made with a prefix.</summary>
    /// <param name="prefix">The prefix.</param>
    public static XdmSampleTables TablesFor(string prefix) => new($"{prefix}_events", $"{prefix}_profiles", $"{prefix}_flat");

    /// <summary>The events <see cref="CreateAsync"/> writes, in <c>_id</c> order.</summary>
    /// <param name="rows">How many.</param>
    /// <param name="seed">The seed.</param>
    public static IEnumerable<SampleEvent> Events(int rows, int seed = 1)
    {
        for (var i = 1; i <= rows; i++)
        {
            var r = new Random(unchecked((seed * 1_000_003) + i));
            var type = EventTypes[r.Next(EventTypes.Length)];
            var commerce = type.StartsWith("commerce", StringComparison.Ordinal);
            var items = r.Next(5) switch
            {
                0 => null,
                1 => (IReadOnlyList<SampleProductListItem>)[],
                var n => Enumerable.Range(1, n - 1).Select(k => new SampleProductListItem(
                    $"SKU-{r.Next(1000):D4}", Products[r.Next(Products.Length)], r.Next(1, 6),
                    Math.Round(r.NextDouble() * 200, 2))).ToList(),
            };

            yield return new SampleEvent(
                $"evt-{i:D8}",
                Start.AddSeconds(i * 37L).AddMilliseconds(r.Next(1000)),
                type,
                r.Next(20) == 0 ? null : new SampleWeb(
                    new SampleWebPageDetails(
                        PageNames[r.Next(PageNames.Length)],
                        $"https://luma.example.com/p/{r.Next(500)}?ref=a,b",
                        r.Next(4) == 0 ? null : new SampleMeasure(1)),
                    r.Next(3) == 0 ? null : new SampleWebReferrer(r.Next(2) == 0 ? "https://search.example.org/?q=luma" : null)),
                commerce
                    ? new SampleCommerce(
                        type == "commerce.purchases"
                            ? new SampleOrder($"PO-{i}", Math.Round(r.NextDouble() * 500, 2), r.Next(2) == 0 ? "USD" : "EUR")
                            : null,
                        type == "commerce.purchases" ? new SampleMeasure(1) : null,
                        type == "commerce.productViews" ? new SampleMeasure(1) : null)
                    : null,
                items,
                new SampleEnvironment(new SampleBrowserDetails(Browsers[r.Next(Browsers.Length)], $"{100 + r.Next(30)}.0")),
                Identities(r, i),
                new SampleLuma(
                    r.Next(4) == 0 ? null : new SampleLoyalty(r.Next(5) == 0 ? null : Tiers[r.Next(Tiers.Length)], r.Next(10_000)),
                    new SampleReservedWordTest($"o-{i}", i % 10 == 0)));
        }
    }

    /// <summary>The profiles <see cref="CreateAsync"/> writes, in <c>_id</c> order.</summary>
    /// <param name="rows">How many.</param>
    /// <param name="seed">The seed.</param>
    public static IEnumerable<SampleProfile> Profiles(int rows, int seed = 1)
    {
        for (var i = 1; i <= rows; i++)
        {
            var r = new Random(unchecked((seed * 7_000_003) + i));
            yield return new SampleProfile(
                $"prof-{i:D8}",
                new SamplePersonName(r.Next(8) == 0 ? null : $"First{i}", $"Last {i % 97}"),
                r.Next(6) == 0 ? null : new DateOnly(1950, 1, 1).AddDays(r.Next(20_000)),
                $"user{i}@example.com",
                Identities(r, i),
                new SampleLoyalty(Tiers[r.Next(Tiers.Length)], r.Next(10_000)));
        }
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<SampleIdentity>> Identities(Random r, int i)
    {
        var map = new Dictionary<string, IReadOnlyList<SampleIdentity>>
        {
            ["ECID"] = [new SampleIdentity($"{r.NextInt64(10_000_000_000, 99_999_999_999)}{i:D8}", "ambiguous", true)],
        };
        if (r.Next(3) == 0)
        {
            map["Email"] = [
                new SampleIdentity($"user{i}@example.com", "authenticated", false),
                new SampleIdentity($"alt{i}@example.com", "authenticated", false)];
        }

        return map;
    }

    // The front reads a jsonb column as the Spark type its comment names (Catalog/CatalogReader).
    private const string IdentityMapType = "qsorm:type=map<string,array<struct<id:string,authenticatedState:string,primary:boolean>>>";

    private static string Ddl(XdmSampleTables t, string owner)
    {
        var e = t.Events;
        var p = t.Profiles;
        return $"""
            DROP TABLE IF EXISTS "{e}", "{p}", "{t.Flat}";
            DROP TYPE IF EXISTS {e}_web, {e}_web_webpagedetails, {e}_web_webpagedetails_pageviews, {e}_web_webreferrer,
              {e}_commerce, {e}_commerce_order, {e}_commerce_purchases, {e}_commerce_productviews, {e}_productlistitems_e,
              {e}_environment, {e}_environment_browserdetails, {e}__luma, {e}__luma_loyalty, {e}__luma_reservedwordtest,
              {p}_person, {p}_person_name, {p}_personalemail, {p}__luma, {p}__luma_loyalty CASCADE;
            CREATE TYPE {e}_web_webpagedetails_pageviews AS ("value" double precision);
            CREATE TYPE {e}_web_webpagedetails AS ("name" text, "URL" text, "pageViews" {e}_web_webpagedetails_pageviews);
            CREATE TYPE {e}_web_webreferrer AS ("URL" text);
            CREATE TYPE {e}_web AS ("webPageDetails" {e}_web_webpagedetails, "webReferrer" {e}_web_webreferrer);
            CREATE TYPE {e}_commerce_order AS ("purchaseID" text, "priceTotal" double precision, "currencyCode" text);
            CREATE TYPE {e}_commerce_purchases AS ("value" double precision);
            CREATE TYPE {e}_commerce_productviews AS ("value" double precision);
            CREATE TYPE {e}_commerce AS ("order" {e}_commerce_order, "purchases" {e}_commerce_purchases, "productViews" {e}_commerce_productviews);
            CREATE TYPE {e}_productlistitems_e AS ("SKU" text, "name" text, "quantity" bigint, "priceTotal" double precision);
            CREATE TYPE {e}_environment_browserdetails AS ("name" text, "version" text);
            CREATE TYPE {e}_environment AS ("browserDetails" {e}_environment_browserdetails);
            CREATE TYPE {e}__luma_loyalty AS ("tier" text, "points" bigint);
            CREATE TYPE {e}__luma_reservedwordtest AS ("order" text, "1stVisit" boolean);
            CREATE TYPE {e}__luma AS ("loyalty" {e}__luma_loyalty, "reservedWordTest" {e}__luma_reservedwordtest);
            CREATE TABLE "{e}" ("_id" text NOT NULL, "timestamp" timestamptz NOT NULL, "eventType" text, "web" {e}_web,
              "commerce" {e}_commerce, "productListItems" {e}_productlistitems_e[], "environment" {e}_environment,
              "identityMap" jsonb, "_luma" {e}__luma);
            CREATE TYPE {p}_person_name AS ("firstName" text, "lastName" text);
            CREATE TYPE {p}_person AS ("name" {p}_person_name, "birthDate" date);
            CREATE TYPE {p}_personalemail AS ("address" text);
            CREATE TYPE {p}__luma_loyalty AS ("tier" text, "points" bigint);
            CREATE TYPE {p}__luma AS ("loyalty" {p}__luma_loyalty);
            CREATE TABLE "{p}" ("_id" text NOT NULL, "person" {p}_person, "personalEmail" {p}_personalemail, "identityMap" jsonb, "_luma" {p}__luma);
            CREATE TABLE "{t.Flat}" ("_id" text NOT NULL, "timestamp" timestamptz NOT NULL, "eventType" text, "pageName" text, "pageURL" text,
              "priceTotal" double precision, "browserName" text, "loyaltyTier" text);
            COMMENT ON COLUMN "{e}"."identityMap" IS '{IdentityMapType}';
            COMMENT ON COLUMN "{p}"."identityMap" IS '{IdentityMapType}';
            ALTER TABLE "{e}" OWNER TO "{owner}"; ALTER TABLE "{p}" OWNER TO "{owner}"; ALTER TABLE "{t.Flat}" OWNER TO "{owner}";
            """;
    }

    private static string EventLine(SampleEvent e)
        => Line(
            e.Id,
            PgText.Timestamp(e.Timestamp),
            e.EventType,
            e.Web is not { } web ? null : PgText.Composite(
                web.WebPageDetails is not { } page ? null : PgText.Composite(page.Name, page.Url, Measure(page.PageViews)),
                web.WebReferrer is not { } referrer ? null : PgText.Composite(referrer.Url)),
            e.Commerce is not { } commerce ? null : PgText.Composite(
                commerce.Order is not { } order
                    ? null
                    : PgText.Composite(order.PurchaseId, PgText.Number(order.PriceTotal), order.CurrencyCode),
                Measure(commerce.Purchases),
                Measure(commerce.ProductViews)),
            e.ProductListItems is not { } items ? null : PgText.Array(items.Select(item =>
                PgText.Composite(item.Sku, item.Name, PgText.Number(item.Quantity), PgText.Number(item.PriceTotal)))),
            e.Environment is not { } environment ? null : PgText.Composite(
                environment.BrowserDetails is not { } browser ? null : PgText.Composite(browser.Name, browser.Version)),
            IdentityJson(e.IdentityMap),
            e.Luma is not { } luma ? null : PgText.Composite(
                luma.Loyalty is not { } loyalty ? null : PgText.Composite(loyalty.Tier, PgText.Number(loyalty.Points)),
                luma.ReservedWordTest is not { } test ? null : PgText.Composite(test.Order, PgText.Boolean(test.FirstVisit))));

    private static string ProfileLine(SampleProfile p)
        => Line(
            p.Id,
            PgText.Composite(
                p.Name is not { } name ? null : PgText.Composite(name.FirstName, name.LastName),
                p.BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            p.Email is null ? null : PgText.Composite(p.Email),
            IdentityJson(p.IdentityMap),
            p.Loyalty is not { } loyalty ? null : PgText.Composite(PgText.Composite(loyalty.Tier, PgText.Number(loyalty.Points))));

    private static string FlatLine(SampleEvent e)
        => Line(
            e.Id, PgText.Timestamp(e.Timestamp), e.EventType, e.Web?.WebPageDetails?.Name, e.Web?.WebPageDetails?.Url,
            PgText.Number(e.Commerce?.Order?.PriceTotal), e.Environment?.BrowserDetails?.Name, e.Luma?.Loyalty?.Tier);

    private static string? Measure(SampleMeasure? measure) => measure is null ? null : PgText.Composite(PgText.Number(measure.Value));

    // XDM's own field names, as the service shows them.
    private static string? IdentityJson(IReadOnlyDictionary<string, IReadOnlyList<SampleIdentity>>? map)
        => map is null
            ? null
            : JsonSerializer.Serialize(map.ToDictionary(
                kv => kv.Key,
                kv => kv.Value.Select(
                    id => new Dictionary<string, object>
                    {
                        ["id"] = id.Id,
                        ["authenticatedState"] = id.AuthenticatedState,
                        ["primary"] = id.Primary
                    })));

    private static string Line(params string?[] fields) => string.Join('\t', fields.Select(PgText.CopyField)) + "\n";

    private static async Task CopyAsync(
        NpgsqlConnection connection, string copy, IEnumerable<string> lines, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginTextImportAsync(copy, cancellationToken).ConfigureAwait(false);
        var batch = new StringBuilder(1 << 16);
        foreach (var line in lines)
        {
            batch.Append(line);
            if (batch.Length > 1 << 15)
            {
                await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }

        await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
    }
}
