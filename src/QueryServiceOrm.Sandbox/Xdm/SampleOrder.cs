namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>commerce.order</c>.</summary>
public sealed record SampleOrder(string? PurchaseId, double? PriceTotal, string? CurrencyCode);
