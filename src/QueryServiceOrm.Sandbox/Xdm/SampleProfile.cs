namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary>A profile as generated.</summary>
public sealed record SampleProfile(
    string Id, SamplePersonName? Name, DateOnly? BirthDate, string? Email,
    IReadOnlyDictionary<string, IReadOnlyList<SampleIdentity>>? IdentityMap, SampleLoyalty? Loyalty);
