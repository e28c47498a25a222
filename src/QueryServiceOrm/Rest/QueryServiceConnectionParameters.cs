namespace QueryServiceOrm.Rest;

/// <summary>
/// Where the interactive (PostgreSQL-wire) service is for a sandbox, as <c>GET /connection_parameters</c> answers. The
/// answer's token is not kept: the wire uses the OAuth token the request was made with.
/// </summary>
/// <param name="Host">The host name, e.g. <c>acme.platform-query.adobe.io</c>.</param>
/// <param name="Port">The TCP port (80 on the service).</param>
/// <param name="DbName">The database, <c>sandbox:target</c>, e.g. <c>prod:all</c>.</param>
/// <param name="Username">The user, the organisation id ending in <c>@AdobeOrg</c>.</param>
public sealed record QueryServiceConnectionParameters(string? Host, int Port, string? DbName, string? Username);
