using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary>An ExperienceEvent of the sample table, as an application maps it.</summary>
public sealed class ExperienceEvent
{
    /// <summary><c>_id</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary><c>timestamp</c> (UTC).</summary>
    public DateTime Timestamp { get; set; }

    /// <summary><c>eventType</c>.</summary>
    public string? EventType { get; set; }

    /// <summary><c>web</c>.</summary>
    public Web? Web { get; set; }

    /// <summary><c>commerce</c>.</summary>
    public Commerce? Commerce { get; set; }

    /// <summary><c>productListItems</c>.</summary>
    public List<ProductListItem>? ProductListItems { get; set; }

    /// <summary><c>environment</c>.</summary>
    public XdmEnvironment? Environment { get; set; }

    /// <summary><c>_luma</c>, the tenant object.</summary>
    public Luma? Luma { get; set; }
}

/// <summary><c>web</c>.</summary>
public sealed class Web
{
    /// <summary><c>webPageDetails</c>.</summary>
    public WebPageDetails? WebPageDetails { get; set; }

    /// <summary><c>webReferrer</c>.</summary>
    public WebReferrer? WebReferrer { get; set; }
}

/// <summary><c>web.webPageDetails</c>.</summary>
public sealed class WebPageDetails
{
    /// <summary><c>name</c>.</summary>
    public string? Name { get; set; }

    /// <summary><c>URL</c>.</summary>
    [JsonPropertyName("URL")]
    public string? Url { get; set; }

    /// <summary><c>pageViews</c>.</summary>
    public Measure? PageViews { get; set; }
}

/// <summary><c>web.webReferrer</c>.</summary>
public sealed class WebReferrer
{
    /// <summary><c>URL</c>.</summary>
    [JsonPropertyName("URL")]
    public string? Url { get; set; }
}

/// <summary>An XDM measure.</summary>
public sealed class Measure
{
    /// <summary><c>value</c>.</summary>
    public double? Value { get; set; }
}

/// <summary><c>commerce</c>.</summary>
public sealed class Commerce
{
    /// <summary><c>order</c>.</summary>
    public CommerceOrder? Order { get; set; }

    /// <summary><c>purchases</c>.</summary>
    public Measure? Purchases { get; set; }

    /// <summary><c>productViews</c>.</summary>
    public Measure? ProductViews { get; set; }
}

/// <summary><c>commerce.order</c>.</summary>
public sealed class CommerceOrder
{
    /// <summary><c>purchaseID</c>.</summary>
    [JsonPropertyName("purchaseID")]
    public string? PurchaseId { get; set; }

    /// <summary><c>priceTotal</c>.</summary>
    public double? PriceTotal { get; set; }

    /// <summary><c>currencyCode</c>.</summary>
    public string? CurrencyCode { get; set; }
}

/// <summary>An element of <c>productListItems</c>.</summary>
public sealed class ProductListItem
{
    /// <summary><c>SKU</c>.</summary>
    [JsonPropertyName("SKU")]
    public string? Sku { get; set; }

    /// <summary><c>name</c>.</summary>
    public string? Name { get; set; }

    /// <summary><c>quantity</c>.</summary>
    public long? Quantity { get; set; }

    /// <summary><c>priceTotal</c>.</summary>
    public double? PriceTotal { get; set; }
}

/// <summary><c>environment</c> (named so as not to clash with <see cref="System.Environment"/>).</summary>
public sealed class XdmEnvironment
{
    /// <summary><c>browserDetails</c>.</summary>
    public BrowserDetails? BrowserDetails { get; set; }
}

/// <summary><c>environment.browserDetails</c>.</summary>
public sealed class BrowserDetails
{
    /// <summary><c>name</c>.</summary>
    public string? Name { get; set; }

    /// <summary><c>version</c>.</summary>
    public string? Version { get; set; }
}

/// <summary><c>_luma</c>.</summary>
public sealed class Luma
{
    /// <summary><c>loyalty</c>.</summary>
    public Loyalty? Loyalty { get; set; }

    /// <summary><c>reservedWordTest</c>.</summary>
    public ReservedWordTest? ReservedWordTest { get; set; }
}

/// <summary><c>_luma.loyalty</c>.</summary>
public sealed class Loyalty
{
    /// <summary><c>tier</c>.</summary>
    public string? Tier { get; set; }

    /// <summary><c>points</c>.</summary>
    public long? Points { get; set; }
}

/// <summary><c>_luma.reservedWordTest</c>: a reserved word and a digit-led name as field names.</summary>
public sealed class ReservedWordTest
{
    /// <summary><c>order</c>.</summary>
    public string? Order { get; set; }

    /// <summary><c>1stVisit</c>.</summary>
    [JsonPropertyName("1stVisit")]
    public bool? FirstVisit { get; set; }
}

/// <summary>A profile of the sample profile table.</summary>
public sealed class XdmProfile
{
    /// <summary><c>_id</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary><c>person</c>.</summary>
    public Person? Person { get; set; }

    /// <summary><c>personalEmail</c>.</summary>
    public PersonalEmail? PersonalEmail { get; set; }

    /// <summary><c>identityMap</c>: namespace to identities, read whole.</summary>
    public Dictionary<string, List<Identity>>? IdentityMap { get; set; }

    /// <summary><c>_luma</c>.</summary>
    public ProfileLuma? Luma { get; set; }
}

/// <summary><c>person</c>.</summary>
public sealed class Person
{
    /// <summary><c>name</c>.</summary>
    public PersonName? Name { get; set; }

    /// <summary><c>birthDate</c>.</summary>
    public DateOnly? BirthDate { get; set; }
}

/// <summary><c>person.name</c>.</summary>
public sealed class PersonName
{
    /// <summary><c>firstName</c>.</summary>
    public string? FirstName { get; set; }

    /// <summary><c>lastName</c>.</summary>
    public string? LastName { get; set; }
}

/// <summary><c>personalEmail</c>.</summary>
public sealed class PersonalEmail
{
    /// <summary><c>address</c>.</summary>
    public string? Address { get; set; }
}

/// <summary>An identity of an <c>identityMap</c> entry.</summary>
public sealed class Identity
{
    /// <summary><c>id</c>.</summary>
    public string? Id { get; set; }

    /// <summary><c>authenticatedState</c>.</summary>
    public string? AuthenticatedState { get; set; }

    /// <summary><c>primary</c>.</summary>
    public bool? Primary { get; set; }
}

/// <summary>The profile's <c>_luma</c>.</summary>
public sealed class ProfileLuma
{
    /// <summary><c>loyalty</c>.</summary>
    public Loyalty? Loyalty { get; set; }
}

/// <summary>One row of the sample flat table: the same events with their leaves as plain columns.</summary>
public sealed class FlatEvent
{
    /// <summary><c>_id</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary><c>timestamp</c>.</summary>
    public DateTime Timestamp { get; set; }

    /// <summary><c>eventType</c>.</summary>
    public string? EventType { get; set; }

    /// <summary><c>pageName</c>.</summary>
    public string? PageName { get; set; }

    /// <summary><c>pageURL</c>.</summary>
    public string? PageUrl { get; set; }

    /// <summary><c>priceTotal</c>.</summary>
    public double? PriceTotal { get; set; }

    /// <summary><c>browserName</c>.</summary>
    public string? BrowserName { get; set; }

    /// <summary><c>loyaltyTier</c>.</summary>
    public string? LoyaltyTier { get; set; }
}

/// <summary>
/// The sample tables of <see cref="XdmSampleData"/> (created with the default prefix) as a context: events with their
/// objects and arrays mapped as XDM values (<c>IsXdmObject</c>), and the flat table.
/// </summary>
/// <param name="options">The context options.</param>
public sealed class XdmSampleContext(DbContextOptions<XdmSampleContext> options) : DbContext(options)
{
    private static readonly XdmSampleTables Tables = XdmSampleData.TablesFor(XdmSampleData.DefaultPrefix);

    /// <summary>The events.</summary>
    public DbSet<ExperienceEvent> Events => Set<ExperienceEvent>();

    /// <summary>The flat rows.</summary>
    public DbSet<FlatEvent> FlatEvents => Set<FlatEvent>();

    /// <summary>The profiles.</summary>
    public DbSet<XdmProfile> Profiles => Set<XdmProfile>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) => ConfigureModel(modelBuilder, Tables);

    /// <summary>Maps the three sample entity types to a set of sample tables (<see cref="XdmSampleData.TablesFor"/>).</summary>
    /// <param name="modelBuilder">The model builder.</param>
    /// <param name="tables">The tables.</param>
    public static void ConfigureModel(ModelBuilder modelBuilder, XdmSampleTables tables)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentNullException.ThrowIfNull(tables);
        var e = modelBuilder.Entity<ExperienceEvent>().ToTable(tables.Events);
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("_id");
        e.Property(x => x.Timestamp).HasColumnName("timestamp");
        e.Property(x => x.EventType).HasColumnName("eventType");
        e.Property(x => x.Web).HasColumnName("web").IsXdmObject();
        e.Property(x => x.Commerce).HasColumnName("commerce").IsXdmObject();
        e.Property(x => x.ProductListItems).HasColumnName("productListItems").IsXdmObject();
        e.Property(x => x.Environment).HasColumnName("environment").IsXdmObject();
        e.Property(x => x.Luma).HasColumnName("_luma").IsXdmObject();

        var p = modelBuilder.Entity<XdmProfile>().ToTable(tables.Profiles);
        p.HasKey(x => x.Id);
        p.Property(x => x.Id).HasColumnName("_id");
        p.Property(x => x.Person).HasColumnName("person").IsXdmObject();
        p.Property(x => x.PersonalEmail).HasColumnName("personalEmail").IsXdmObject();
        p.Property(x => x.IdentityMap).HasColumnName("identityMap").IsXdmObject();
        p.Property(x => x.Luma).HasColumnName("_luma").IsXdmObject();

        var f = modelBuilder.Entity<FlatEvent>().ToTable(tables.Flat);
        f.HasKey(x => x.Id);
        f.Property(x => x.Id).HasColumnName("_id");
        f.Property(x => x.Timestamp).HasColumnName("timestamp");
        f.Property(x => x.EventType).HasColumnName("eventType");
        f.Property(x => x.PageName).HasColumnName("pageName");
        f.Property(x => x.PageUrl).HasColumnName("pageURL");
        f.Property(x => x.PriceTotal).HasColumnName("priceTotal");
        f.Property(x => x.BrowserName).HasColumnName("browserName");
        f.Property(x => x.LoyaltyTier).HasColumnName("loyaltyTier");
    }
}
