namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>environment</c> (named so as not to clash with <see cref="System.Environment"/>).</summary>
public sealed class XdmEnvironment
{
    /// <summary><c>browserDetails</c>.</summary>
    public BrowserDetails? BrowserDetails { get; set; }
}
