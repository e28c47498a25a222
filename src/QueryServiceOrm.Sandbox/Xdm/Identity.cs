namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary>An identity of an <c>identityMap</c> entry.</summary>
public sealed class Identity
{
    /// <summary><c>id</c>.</summary>
    public string? Id { get; set; }

    /// <summary><c>authenticatedState</c>.</summary>
    public string? AuthenticatedState { get; set; }

    /// <summary><c>primary</c>.</summary>
    public bool? Primary { get; set; }
}
