using Microsoft.EntityFrameworkCore;

namespace Reporting;

/// <summary>The device a page was viewed on: an XDM object, a ROW column in the dataset.</summary>
public sealed class Device
{
    public string? Type { get; set; }

    public string? Os { get; set; }
}

/// <summary>A day's views of a page on a kind of device.</summary>
public sealed class PageViewSummary
{
    public DateOnly Day { get; set; }

    public string Page { get; set; } = "";

    public long Views { get; set; }

    public Device? Device { get; set; }

    /// <summary>Added by the second migration.</summary>
    public double? Revenue { get; set; }
}

/// <summary>A row of <c>top_pages</c>, the table the third migration derives from the events with a CTAS.</summary>
public sealed class TopPage
{
    public string? Page { get; set; }

    public long Views { get; set; }
}

/// <summary>The reporting schema: its migrations are in Migrations/.</summary>
public sealed class ReportingContext(DbContextOptions<ReportingContext> options) : DbContext(options)
{
    public DbSet<PageViewSummary> PageViews => Set<PageViewSummary>();

    public DbSet<TopPage> TopPages => Set<TopPage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PageViewSummary>(e =>
        {
            e.ToTable("page_view_summary");
            e.HasNoKey();
            e.Property(x => x.Device).IsXdmObject();
        });
        modelBuilder.Entity<TopPage>(e =>
        {
            e.ToTable("top_pages");
            e.HasNoKey();
            e.Property(x => x.Page).HasColumnName("page");
            e.Property(x => x.Views).HasColumnName("views");
        });
    }
}
