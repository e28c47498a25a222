namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>environment.browserDetails</c>.</summary>
public sealed class BrowserDetails
{
    /// <summary><c>name</c>.</summary>
    public string? Name { get; set; }

    /// <summary><c>version</c>.</summary>
    public string? Version { get; set; }
}
