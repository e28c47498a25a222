using System.Text.Json.Serialization;

namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>Makes the query a CTAS into a new dataset.</summary>
internal sealed record CtasParametersBody(string? DatasetName, string? Description, string? TargetSchemaTitle);
