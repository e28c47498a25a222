using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Tests.Support;

public sealed class ExperienceEvent
{
    public string Id { get; set; } = "";

    public DateTime Timestamp { get; set; }

    public string? EventType { get; set; }

    public Web? Web { get; set; }

    public Commerce? Commerce { get; set; }

    public List<ProductListItem>? ProductListItems { get; set; }

    public XdmEnvironment? Environment { get; set; }

    public Luma? Luma { get; set; }
}

public sealed class Web
{
    public WebPageDetails? WebPageDetails { get; set; }

    public WebReferrer? WebReferrer { get; set; }
}

public sealed class WebPageDetails
{
    public string? Name { get; set; }

    [JsonPropertyName("URL")]
    public string? Url { get; set; }

    public Measure? PageViews { get; set; }
}

public sealed class WebReferrer
{
    [JsonPropertyName("URL")]
    public string? Url { get; set; }
}

public sealed class Measure
{
    public double? Value { get; set; }
}

public sealed class Commerce
{
    public CommerceOrder? Order { get; set; }

    public Measure? Purchases { get; set; }

    public Measure? ProductViews { get; set; }
}

public sealed class CommerceOrder
{
    [JsonPropertyName("purchaseID")]
    public string? PurchaseId { get; set; }

    public double? PriceTotal { get; set; }

    public string? CurrencyCode { get; set; }
}

public sealed class ProductListItem
{
    [JsonPropertyName("SKU")]
    public string? Sku { get; set; }

    public string? Name { get; set; }

    public long? Quantity { get; set; }

    public double? PriceTotal { get; set; }
}

public sealed class XdmEnvironment
{
    public BrowserDetails? BrowserDetails { get; set; }
}

public sealed class BrowserDetails
{
    public string? Name { get; set; }

    public string? Version { get; set; }
}

public sealed class Luma
{
    public Loyalty? Loyalty { get; set; }

    public ReservedWordTest? ReservedWordTest { get; set; }
}

public sealed class Loyalty
{
    public string? Tier { get; set; }

    public long? Points { get; set; }
}

public sealed class ReservedWordTest
{
    public string? Order { get; set; }

    [JsonPropertyName("1stVisit")]
    public bool? FirstVisit { get; set; }
}

/// <summary>The generated ExperienceEvent table, with its objects mapped as XDM objects.</summary>
public sealed class XdmEventContext(DbContextOptions<XdmEventContext> options) : DbContext(options)
{
    public const string Table = "xdmq_events";

    public DbSet<ExperienceEvent> Events => Set<ExperienceEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var e = modelBuilder.Entity<ExperienceEvent>().ToTable(Table);
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("_id");
        e.Property(x => x.Timestamp).HasColumnName("timestamp");
        e.Property(x => x.EventType).HasColumnName("eventType");
        e.Property(x => x.Web).HasColumnName("web").IsXdmObject();
        e.Property(x => x.Commerce).HasColumnName("commerce").IsXdmObject();
        e.Property(x => x.ProductListItems).HasColumnName("productListItems").IsXdmObject();
        e.Property(x => x.Environment).HasColumnName("environment").IsXdmObject();
        e.Property(x => x.Luma).HasColumnName("_luma").IsXdmObject();
    }
}

/// <summary>100 generated events in the shared sandbox, once per run.</summary>
internal static class XdmData
{
    public const int Rows = 100;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _seeded;

    public static async Task<QueryServiceOrm.Sandbox.QueryServiceSandbox> SeedAsync()
    {
        var sandbox = await SharedSandbox.GetAsync();
        await Gate.WaitAsync();
        try
        {
            if (!_seeded)
            {
                await XdmSampleData.CreateAsync(sandbox, Rows, seed: 11, prefix: "xdmq");
                _seeded = true;
            }
        }
        finally
        {
            Gate.Release();
        }

        return sandbox;
    }
}
