using System.Text.Json.Serialization;

namespace QueryServiceOrm.Tests.Support;

/// <summary>An ordinal stored as its name.</summary>
public enum ShapeStatus
{
    Open,
    Closed,
}

/// <summary>An XDM object with arrays of scalars, a computed member (not a field) and an ignored one.</summary>
public sealed class Tagged
{
    public string? Name { get; set; }

    public string[]? Tags { get; set; }

    public List<long>? Scores { get; set; }

    public string? Upper => Name?.ToUpperInvariant();

    [JsonIgnore]
    public string? Scratch { get; set; }
}

/// <summary>A row with a converted enum and an XDM object of the shapes above.</summary>
public sealed class Shape
{
    public long Id { get; set; }

    public ShapeStatus Status { get; set; }

    public Tagged? Tagged { get; set; }
}

/// <summary>The table <c>write_shapes</c>, created by the tests with CreateTableAsync.</summary>
public sealed class WriteShapesContext(DbContextOptions<WriteShapesContext> options) : DbContext(options)
{
    public DbSet<Shape> Shapes => Set<Shape>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var shape = modelBuilder.Entity<Shape>().ToTable("write_shapes");
        shape.Property(s => s.Status).HasConversion<string>();
        shape.Property(s => s.Tagged).HasColumnName("tagged").IsXdmObject();
    }
}
