using Microsoft.EntityFrameworkCore;

namespace QueryServiceOrm.Sandbox.Xdm;

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
