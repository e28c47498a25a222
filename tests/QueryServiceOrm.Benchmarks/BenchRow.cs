namespace QueryServiceOrm.Benchmarks;

/// <summary>One flat row of the benchmark table.</summary>
public sealed class BenchRow
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public decimal Amount { get; set; }

    public DateTime Placed { get; set; }

    public bool Flag { get; set; }

    /// <summary>Materialises every row a raw reader returns, as a hand-written data layer would, and sums the ids.</summary>
    public static async Task<long> ReadAllAsync(Npgsql.NpgsqlDataReader reader)
    {
        long total = 0;
        while (await reader.ReadAsync())
        {
            var row = new BenchRow
            {
                Id = reader.GetInt64(0), Name = reader.GetString(1), Amount = reader.GetDecimal(2), Placed = reader.GetDateTime(3),
                Flag = reader.GetBoolean(4),
            };
            total += row.Id;
        }

        return total;
    }
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
