using System.Text.Json.Serialization;

namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>web.webReferrer</c>.</summary>
public sealed class WebReferrer
{
    /// <summary><c>URL</c>.</summary>
    [JsonPropertyName("URL")]
    public string? Url { get; set; }
}
