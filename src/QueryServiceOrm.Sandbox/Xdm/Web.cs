namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>web</c>.</summary>
public sealed class Web
{
    /// <summary><c>webPageDetails</c>.</summary>
    public WebPageDetails? WebPageDetails { get; set; }

    /// <summary><c>webReferrer</c>.</summary>
    public WebReferrer? WebReferrer { get; set; }
}
