namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>personalEmail</c>.</summary>
public sealed class PersonalEmail
{
    /// <summary><c>address</c>.</summary>
    public string? Address { get; set; }
}
