using System.Text.Json.Serialization;

namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>Makes the query an INSERT INTO an existing dataset.</summary>
internal sealed record InsertIntoParametersBody(string? DatasetName);
