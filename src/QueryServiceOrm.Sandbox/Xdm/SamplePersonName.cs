namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>person.name</c>.</summary>
public sealed record SamplePersonName(string? FirstName, string? LastName);
