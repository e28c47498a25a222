using System.Net;
using System.Net.Http.Headers;
using QueryServiceOrm.Credentials;

namespace QueryServiceOrm.Rest;

/// <summary>
/// Adds the headers every REST API call needs, the token from the same provider the wire's connections use (one token for
/// both). A 401 means the token expired or was replaced: the provider forgets it, fetches a new one, and the request is
/// sent once more with it. A request the API refused with 401 was not acted on, so sending it again submits nothing twice.
/// </summary>
internal sealed class QueryServiceRestAuthenticationHandler(QueryServiceAccessTokenProvider tokens, QueryServiceRestOptions options)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        var response = await SendWithAsync(request, token, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        tokens.Invalidate();
        var renewed = await tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        if (renewed == token)
        {
            return response;
        }

        response.Dispose();
        return await SendWithAsync(request, renewed, cancellationToken).ConfigureAwait(false);
    }

    private Task<HttpResponseMessage> SendWithAsync(HttpRequestMessage request, string token, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Set(request, "x-api-key", options.ApiKey);
        Set(
            request,
            "x-gw-ims-org-id",
            options.OrganizationId.EndsWith("@AdobeOrg", StringComparison.Ordinal)
                ? options.OrganizationId
                : options.OrganizationId + "@AdobeOrg");
        Set(request, "x-sandbox-name", options.SandboxName);
        return base.SendAsync(request, cancellationToken);
    }

    private static void Set(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.Add(name, value);
    }
}
