namespace QueryServiceOrm.Rest;

/// <summary>The paging of a list.</summary>
/// <param name="Orderby">The order, e.g. <c>-created</c>.</param>
/// <param name="Start">Where this page starts.</param>
/// <param name="Next">Where the next page starts.</param>
/// <param name="Count">How many items this page holds.</param>
public sealed record QueryServicePageInfo(string? Orderby, string? Start, string? Next, int Count);
