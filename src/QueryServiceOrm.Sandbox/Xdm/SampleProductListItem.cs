namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary>An element of <c>productListItems</c>.</summary>
public sealed record SampleProductListItem(string? Sku, string? Name, long? Quantity, double? PriceTotal);
