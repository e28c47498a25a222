using System.Text;

namespace QueryServiceOrm.Tests.Support;

public sealed class Customer
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string? City { get; set; }

    public string? Tier { get; set; }

    public DateTime Joined { get; set; }

    public double? Score { get; set; }

    public bool Active { get; set; }

    public List<Order> Orders { get; set; } = [];
}

public sealed class Order
{
    public int Id { get; set; }

    public int CustomerId { get; set; }

    public Customer? Customer { get; set; }

    public decimal Amount { get; set; }

    public DateTime Placed { get; set; }

    public string Status { get; set; } = "";

    public int? Items { get; set; }
}

/// <summary>A flat two-table model (customers and their orders) for the LINQ feature tests.</summary>
public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>().ToTable("customers");
        modelBuilder.Entity<Order>().ToTable("orders").Property(o => o.Amount).HasPrecision(10, 2);
        modelBuilder.Entity<Customer>().Property(c => c.Id).ValueGeneratedNever();
        modelBuilder.Entity<Order>().Property(o => o.Id).ValueGeneratedNever();
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            property.SetColumnName(SnakeCase(property.Name));
        }
    }

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
