using System.Text.Json.Serialization;

namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>What was submitted, echoed back.</summary>
internal sealed record QueryResourceRequest(string DbName, string Sql, string? Name, string? Description);
