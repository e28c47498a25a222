namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>web</c>.</summary>
public sealed record SampleWeb(SampleWebPageDetails? WebPageDetails, SampleWebReferrer? WebReferrer);
