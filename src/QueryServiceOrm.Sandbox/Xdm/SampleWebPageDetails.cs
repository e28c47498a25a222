namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>web.webPageDetails</c>.</summary>
public sealed record SampleWebPageDetails(string? Name, string? Url, SampleMeasure? PageViews);
