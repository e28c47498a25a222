namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary>The names of the tables <see cref="XdmSampleData"/> made.</summary>
/// <param name="Events">The ExperienceEvent table.</param>
/// <param name="Profiles">The profile table.</param>
/// <param name="Flat">The flat table (one row per event, leaves as plain columns).</param>
public sealed record XdmSampleTables(string Events, string Profiles, string Flat);
