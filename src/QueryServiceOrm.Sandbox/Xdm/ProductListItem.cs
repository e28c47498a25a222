using System.Text.Json.Serialization;

namespace QueryServiceOrm.Sandbox.Xdm;

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
