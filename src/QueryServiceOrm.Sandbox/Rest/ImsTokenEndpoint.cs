using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace QueryServiceOrm.Sandbox.Rest;

/// <summary>
/// An IMS-like OAuth token endpoint (<c>POST /ims/token/v3</c>, client-credentials grant). It hands out the token the wire
/// and the API accept now with its remaining lifetime; once that token has expired it mints a new one, as IMS issues a new
/// token to a client that asks again.
/// </summary>
internal static class ImsTokenEndpoint
{
    public const string Path = "/ims/token/v3";

    public static void Map(IEndpointRouteBuilder routes, RestSettings settings)
        => routes.MapPost(Path, async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync().ConfigureAwait(false);
            if (form["grant_type"] != "client_credentials")
            {
                return Error(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
            }

            if (form["client_id"] != settings.ClientId || form["client_secret"] != settings.ClientSecret)
            {
                return Error(401, "invalid_client", "The client id or secret is wrong.");
            }

            var (token, expiresAt) = settings.Tokens.CurrentOrRenewed(settings.TokenLifetime);
            var lifetime = Math.Max(1, (long)(expiresAt - DateTimeOffset.UtcNow).TotalSeconds);
            return Results.Json(new TokenBody(token, "bearer", lifetime), RestJson.Options);
        });

    private static IResult Error(int status, string error, string description)
        => Results.Json(new ErrorBody(error, description), RestJson.Options, statusCode: status);

    private sealed record TokenBody(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] long ExpiresIn);

    private sealed record ErrorBody(string Error, [property: JsonPropertyName("error_description")] string ErrorDescription);
}
