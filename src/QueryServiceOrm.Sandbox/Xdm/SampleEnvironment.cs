namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>environment</c>.</summary>
public sealed record SampleEnvironment(SampleBrowserDetails? BrowserDetails);
