using System.Text.Json.Serialization;

namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>One error of a failed query: the SQLSTATE the wire would have sent, and the service's text.</summary>
internal sealed record QueryErrorBody(string Code, string Message);
