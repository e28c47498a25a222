namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>web.webReferrer</c>.</summary>
public sealed record SampleWebReferrer(string? Url);
