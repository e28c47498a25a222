namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>environment.browserDetails</c>.</summary>
public sealed record SampleBrowserDetails(string? Name, string? Version);
