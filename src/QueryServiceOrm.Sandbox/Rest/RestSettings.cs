using QueryServiceOrm.Sandbox.Wire;

namespace QueryServiceOrm.Sandbox.Rest;

/// <summary>Who may call the emulated API, and how its tokens are issued.</summary>
/// <param name="OrganizationId">The organisation (<c>x-gw-ims-org-id</c>).</param>
/// <param name="SandboxName">The sandbox (<c>x-sandbox-name</c>, and the first part of a <c>dbName</c>).</param>
/// <param name="ClientId">The OAuth client id, which is also the API key (<c>x-api-key</c>).</param>
/// <param name="ClientSecret">The OAuth client secret the token endpoint checks.</param>
/// <param name="Tokens">The token the wire accepts; the API accepts the same one.</param>
/// <param name="TokenLifetime">How long a token the token endpoint mints lives.</param>
/// <param name="FrontPort">The front's port on 127.0.0.1, which the connection parameters give.</param>
internal sealed record RestSettings(
    string OrganizationId,
    string SandboxName,
    string ClientId,
    string ClientSecret,
    FrontTokens Tokens,
    TimeSpan TokenLifetime,
    int FrontPort)
{
    /// <summary>Never prints the secret.</summary>
    public override string ToString()
        => $"RestSettings {{ OrganizationId = {OrganizationId}, SandboxName = {SandboxName}, ClientId = {ClientId} }}";
}
