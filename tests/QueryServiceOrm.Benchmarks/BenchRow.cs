using Microsoft.EntityFrameworkCore;

namespace QueryServiceOrm.Benchmarks;

/// <summary>One flat row of the benchmark table.</summary>
public sealed class BenchRow
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public decimal Amount { get; set; }

    public DateTime Placed { get; set; }

    public bool Flag { get; set; }
}

/// <summary>The benchmark table as a context.</summary>
public sealed class BenchContext(DbContextOptions<BenchContext> options) : DbContext(options)
{
    public DbSet<BenchRow> Rows => Set<BenchRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => MapRows(modelBuilder, "bench_rows");

    /// <summary>Maps <see cref="BenchRow"/> to a table of the benchmark's columns.</summary>
    public static void MapRows(ModelBuilder modelBuilder, string table)
    {
        var row = modelBuilder.Entity<BenchRow>().ToTable(table);
        row.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        row.Property(r => r.Name).HasColumnName("name");
        row.Property(r => r.Amount).HasColumnName("amount").HasPrecision(10, 2);
        row.Property(r => r.Placed).HasColumnName("placed");
        row.Property(r => r.Flag).HasColumnName("flag");
    }
}
