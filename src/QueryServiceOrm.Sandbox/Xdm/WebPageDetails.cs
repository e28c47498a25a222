using System.Text.Json.Serialization;

namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>web.webPageDetails</c>.</summary>
public sealed class WebPageDetails
{
    /// <summary><c>name</c>.</summary>
    public string? Name { get; set; }

    /// <summary><c>URL</c>.</summary>
    [JsonPropertyName("URL")]
    public string? Url { get; set; }

    /// <summary><c>pageViews</c>.</summary>
    public Measure? PageViews { get; set; }
}
