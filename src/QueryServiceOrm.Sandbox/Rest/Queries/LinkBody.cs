using System.Text.Json.Serialization;

namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>A HAL-style link.</summary>
internal sealed record LinkBody(string Href, string? Method = null, string? Body = null);
