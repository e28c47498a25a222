using System.Text.Json.Serialization;

namespace QueryServiceOrm.Sandbox.Xdm;

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
