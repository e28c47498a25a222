using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Benchmarks;

/// <summary>
/// One nested event of the append benchmark, XDM-like: an object holding scalars and an object, an array of objects and a
/// map. The array's elements and the inner object are the sample model's XDM classes, so their field names (<c>SKU</c>,
/// <c>purchaseID</c>) are the ones ingested data has.
/// </summary>
public sealed class BenchEvent
{
    public string Id { get; set; } = "";

    public DateTime Timestamp { get; set; }

    public BenchCommerce? Commerce { get; set; }

    public List<ProductListItem>? ProductListItems { get; set; }

    public Dictionary<string, string>? Attributes { get; set; }

    /// <summary>
    /// The events every writer appends; sqlalchemy_append_nested.py builds the same ones (keep the two in step). The events
    /// hold one to three items in turn, so statement sizes are those of a mix rather than of one shape.
    /// </summary>
    public static IEnumerable<BenchEvent> Generate(int events)
    {
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= events; i++)
        {
            MemorySampler.RowGenerated(i);
            var items = Enumerable.Range(0, i % 3 + 1).Select(k => Item(i, k)).ToList();
            yield return new BenchEvent
            {
                Id = $"evt-{i}",
                Timestamp = start.AddSeconds(i),
                Commerce = new BenchCommerce
                {
                    Channel = Channels[i % Channels.Length],
                    ItemCount = items.Count,
                    FirstPurchase = i % 5 == 0,
                    Order = new CommerceOrder { PurchaseId = $"P-{i}", PriceTotal = items.Sum(p => p.PriceTotal), CurrencyCode = "EUR" },
                },
                ProductListItems = items,
                Attributes = new() { ["campaign"] = $"c{i % 50}", ["region"] = Regions[i % Regions.Length], ["source"] = "bench" },
            };
        }
    }

    private static readonly string[] Channels = ["web", "mobile", "store"];

    private static readonly string[] Regions = ["emea", "amer", "apac", "latam"];

    private static ProductListItem Item(int i, int k)
        => new() { Sku = $"SKU-{(i + k) % 500}", Name = $"Product {(i + k) % 500}", Quantity = k + 1, PriceTotal = (k + 1) * 2.5 };
}

/// <summary><c>commerce</c>: a few scalars and <c>order</c>, an object inside the object.</summary>
public sealed class BenchCommerce
{
    public string? Channel { get; set; }

    public long? ItemCount { get; set; }

    public bool? FirstPurchase { get; set; }

    public CommerceOrder? Order { get; set; }
}
