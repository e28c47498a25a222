namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary>An element of an <c>identityMap</c> entry.</summary>
public sealed record SampleIdentity(string Id, string AuthenticatedState, bool Primary);
