using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace QueryServiceOrm.Sandbox.Rest;

/// <summary>The API's JSON conventions (camelCase, nulls left out) and its error bodies.</summary>
internal static class RestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>An answer in the shape the API uses for messages, e.g. <c>{"message": "...", "statusCode": 202}</c>.</summary>
    public static IResult Message(int statusCode, string message)
        => Results.Json(new MessageBody(message, statusCode), Options, statusCode: statusCode);

    /// <summary>A refusal by Adobe's API gateway (authentication, headers): <c>{"error_code": "...", "message": "..."}</c>.</summary>
    public static IResult GatewayError(int statusCode, string errorCode, string message)
        => Results.Json(new GatewayErrorBody(errorCode, message), Options, statusCode: statusCode);

    private sealed record MessageBody(string Message, int StatusCode);

    private sealed record GatewayErrorBody([property: JsonPropertyName("error_code")] string ErrorCode, string Message);
}
