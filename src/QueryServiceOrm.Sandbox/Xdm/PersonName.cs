namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>person.name</c>.</summary>
public sealed class PersonName
{
    /// <summary><c>firstName</c>.</summary>
    public string? FirstName { get; set; }

    /// <summary><c>lastName</c>.</summary>
    public string? LastName { get; set; }
}
