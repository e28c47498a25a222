namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary>A profile of the sample profile table.</summary>
public sealed class XdmProfile
{
    /// <summary><c>_id</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary><c>person</c>.</summary>
    public Person? Person { get; set; }

    /// <summary><c>personalEmail</c>.</summary>
    public PersonalEmail? PersonalEmail { get; set; }

    /// <summary><c>identityMap</c>: namespace to identities, read whole.</summary>
    public Dictionary<string, List<Identity>>? IdentityMap { get; set; }

    /// <summary><c>_luma</c>.</summary>
    public ProfileLuma? Luma { get; set; }
}
