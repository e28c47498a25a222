using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace QueryServiceOrm.Rest;

/// <summary>
/// The Query Service REST API (<c>https://platform.adobe.io/data/foundation/query</c>): one typed method per call, grouped
/// by endpoint (queries here; each group in a file of its own). Register it with <c>AddQueryServiceRestClient</c>: its
/// HttpClient comes from <see cref="IHttpClientFactory"/> with the API's headers, the OAuth token of the wire, and retries
/// of transient failures.
/// </summary>
public sealed partial class QueryServiceRestClient
{
    private readonly HttpClient _http;

    /// <summary>Creates the client over an HttpClient configured by <c>AddQueryServiceRestClient</c>.</summary>
    /// <param name="httpClient">The factory's client, whose handlers add the headers and retry.</param>
    /// <param name="options">The API's address, the headers' values and the polling of jobs.</param>
    public QueryServiceRestClient(HttpClient httpClient, QueryServiceRestOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _http = httpClient;
        Options = options;
    }

    /// <summary>The API's address, the headers' values and the polling of jobs.</summary>
    public QueryServiceRestOptions Options { get; }

    private async Task<T> SendAsync<T>(
        HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> answer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(Options.BaseAddress, path)) { Content = content };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw Refused(method, path, response.StatusCode, body);
        }

        try
        {
            return JsonSerializer.Deserialize(body, answer)
                   ?? throw new JsonException("The body is null.");
        }
        catch (JsonException e)
        {
            throw new QueryServiceRestException(
                $"{method} {path} answered {(int)response.StatusCode} with a body this client cannot read ({e.Message}). "
                + "Check BaseAddress: it must be the Query Service API.",
                response.StatusCode, null);
        }
    }

    private static StringContent Json<T>(T value, JsonTypeInfo<T> type)
        => new(JsonSerializer.Serialize(value, type), Encoding.UTF8, "application/json");

    private static QueryServiceRestException Refused(HttpMethod method, string path, HttpStatusCode status, string body)
    {
        var message = ServerMessage(body);
        var advice = status switch
        {
            HttpStatusCode.Unauthorized
                => "The token was refused even after a new one was fetched: check the OAuth credential's product profile.",
            HttpStatusCode.Forbidden
                => "Check ClientId (the API key), OrganizationId and the sandbox name, and the credential's permissions.",
            HttpStatusCode.NotFound => "Check the id, and that BaseAddress ends in /data/foundation/query/.",
            HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                => "The API stayed unavailable through every retry: try again later.",
            _ => "See the API's message.",
        };
        return new QueryServiceRestException(
            $"{method} {path} failed with HTTP {(int)status}{(message is null ? "" : $" ({message})")}. {advice}", status, message);
    }

    // The API's bodies carry "message"; the gateway's also "error_code". Nothing else of a body is quoted.
    private static string? ServerMessage(string body)
    {
        try
        {
            var error = JsonSerializer.Deserialize(body, QueryServiceRestJsonContext.Default.ErrorBody);
            return error?.ErrorCode is { } code ? $"{code}: {error.Message}" : error?.Message;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal sealed record ErrorBody(
        string? Message, [property: System.Text.Json.Serialization.JsonPropertyName("error_code")] string? ErrorCode, int? StatusCode);

    internal sealed record PatchOperation(string Op);
}
