using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace QueryServiceOrm.Benchmarks;

/// <summary>How the nested parts of <see cref="BenchEvent"/> are stored, and in which table.</summary>
public interface INestedColumns
{
    static abstract string Table { get; }

    static abstract void Map<TProperty>(PropertyBuilder<TProperty> property)
        where TProperty : class?;
}

/// <summary>The service's way: structs, an array of structs and a map, made by CreateTableAsync through the front.</summary>
public sealed class XdmColumns : INestedColumns
{
    public static string Table => "bench_nested_events";

    public static void Map<TProperty>(PropertyBuilder<TProperty> property)
        where TProperty : class? => property.IsXdmObject();
}

/// <summary>
/// Plain Npgsql EF Core's fair equivalent on the backend: each nested part one jsonb column, written as System.Text.Json
/// text. Not composite types: EF Core maps no composites, and a map has none (the emulator stores maps as jsonb too).
/// </summary>
public sealed class JsonbColumns : INestedColumns
{
    public static string Table => "bench_nested_jsonb";

    public static void Map<TProperty>(PropertyBuilder<TProperty> property)
        where TProperty : class? => property.HasConversion(new JsonText<TProperty>()).HasColumnType("jsonb");

    // XDM's field names: camelCase unless the class names one (SKU, purchaseID), as the Python peer writes them.
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private sealed class JsonText<T>() : ValueConverter<T, string>(
        v => JsonSerializer.Serialize(v, Options), s => JsonSerializer.Deserialize<T>(s, Options)!);
}

/// <summary>The nested append benchmark's table as a context, its nested columns stored as <typeparamref name="TColumns"/> says.</summary>
public sealed class NestedAppendContext<TColumns>(DbContextOptions<NestedAppendContext<TColumns>> options) : DbContext(options)
    where TColumns : INestedColumns
{
    public DbSet<BenchEvent> Events => Set<BenchEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var e = modelBuilder.Entity<BenchEvent>().ToTable(TColumns.Table);
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("_id").ValueGeneratedNever();
        e.Property(x => x.Timestamp).HasColumnName("timestamp");
        TColumns.Map(e.Property(x => x.Commerce).HasColumnName("commerce"));
        TColumns.Map(e.Property(x => x.ProductListItems).HasColumnName("productListItems"));
        TColumns.Map(e.Property(x => x.Attributes).HasColumnName("attributes"));
    }
}
