using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace QueryServiceOrm.Sandbox.Rest;

/// <summary>
/// <c>GET /connection_parameters</c>: where the front is, in the fields Adobe documents. The database is the sandbox's
/// <c>all</c>, as in Adobe's sample, and the token is the one the request came with, which the front accepts too. Behind the
/// gateway, so a caller without the token or the headers is refused as on any other endpoint.
/// </summary>
internal static class ConnectionParametersEndpoint
{
    public const string Path = "/connection_parameters";

    public static void Map(IEndpointRouteBuilder api, RestSettings settings)
        => api.MapGet(Path, () => Results.Json(
            new ParametersBody(
                settings.OrganizationId + "@AdobeOrg",
                settings.SandboxName + ":all",
                "127.0.0.1",
                Version: 1,
                settings.FrontPort,
                settings.Tokens.Current),
            RestJson.Options));

    private sealed record ParametersBody(string Username, string DbName, string Host, int Version, int Port, string Token);
}
