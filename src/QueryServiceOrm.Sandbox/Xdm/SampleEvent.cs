namespace QueryServiceOrm.Sandbox.Xdm;

// The generated data as plain records, so tests can compare what they read with what was written.
// Field names follow XDM; the SQL names are the camelCase ones shown in the comments of XdmSampleData.

/// <summary>An ExperienceEvent as generated.</summary>
public sealed record SampleEvent(
    string Id,
    DateTime Timestamp,
    string EventType,
    SampleWeb? Web,
    SampleCommerce? Commerce,
    IReadOnlyList<SampleProductListItem>? ProductListItems,
    SampleEnvironment? Environment,
    IReadOnlyDictionary<string, IReadOnlyList<SampleIdentity>>? IdentityMap,
    SampleLuma? Luma);
