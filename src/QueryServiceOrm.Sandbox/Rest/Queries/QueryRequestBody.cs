using System.Text.Json.Serialization;

namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>The body of <c>POST /queries</c>, as Adobe's API reference describes it.</summary>
internal sealed record QueryRequestBody(
    string? DbName,
    string? Sql,
    string? Name,
    string? Description,
    Dictionary<string, string>? QueryParameters,
    string? TemplateId,
    CtasParametersBody? CtasParameters,
    InsertIntoParametersBody? InsertIntoParameters);
