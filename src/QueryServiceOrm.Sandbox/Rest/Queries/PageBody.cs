using System.Text.Json.Serialization;

namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>Where a page starts and where the next one does.</summary>
internal sealed record PageBody(string Orderby, string? Start, string? Next, int Count);
