namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>person</c>.</summary>
public sealed class Person
{
    /// <summary><c>name</c>.</summary>
    public PersonName? Name { get; set; }

    /// <summary><c>birthDate</c>.</summary>
    public DateOnly? BirthDate { get; set; }
}
