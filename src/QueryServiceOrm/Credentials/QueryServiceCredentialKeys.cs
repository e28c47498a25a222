namespace QueryServiceOrm.Credentials;

/// <summary>
/// The names of the settings read from the <c>QueryService</c> configuration section (and from
/// <c>QueryService__*</c> environment variables, the .NET way of writing the same keys).
/// </summary>
public static class QueryServiceCredentialKeys
{
    /// <summary>The configuration section that holds the settings.</summary>
    public const string Section = "QueryService";

    /// <summary>Host name from the Credentials tab, e.g. <c>acme.platform-query.adobe.io</c>.</summary>
    public const string Host = nameof(Host);

    /// <summary>TCP port; 80 unless told otherwise.</summary>
    public const string Port = nameof(Port);

    /// <summary>Database, <c>sandbox:target</c>; <c>prod:all</c> unless told otherwise.</summary>
    public const string Database = nameof(Database);

    /// <summary>User name, the IMS organisation id ending in <c>@AdobeOrg</c>.</summary>
    public const string Username = nameof(Username);

    /// <summary>Password: an access token, or <c>technicalAccountId:credential</c>.</summary>
    public const string Password = nameof(Password);

    /// <summary>TLS mode: Require (default), VerifyCA or VerifyFull.</summary>
    public const string SslMode = nameof(SslMode);

    /// <summary>Path of a PEM file holding the root certificate to trust for VerifyCA/VerifyFull.</summary>
    public const string RootCertificate = nameof(RootCertificate);

    /// <summary>Seconds opening a session may take, TCP, TLS and login together; 30 unless told otherwise.</summary>
    public const string ConnectTimeout = nameof(ConnectTimeout);

    /// <summary>
    /// The subsection of the dialect's switches (<see cref="Infrastructure.QueryServiceDialect"/>), which <c>qsorm doctor</c>
    /// writes. A plain value here is the retired dialect choice, refused with what to do instead.
    /// </summary>
    public const string Dialect = nameof(Dialect);

    /// <summary>How names that need quoting are quoted: Backquote (default) or DoubleQuote.</summary>
    public const string IdentifierQuote = Dialect + ":" + nameof(IdentifierQuote);

    /// <summary>The CREATE TABLE type of a C# double: Float (default, as documented) or Double.</summary>
    public const string DoubleColumnType = Dialect + ":" + nameof(DoubleColumnType);

    /// <summary>How an array becomes rows: LateralSubquery (default) or LateralView.</summary>
    public const string ExplodeForm = Dialect + ":" + nameof(ExplodeForm);

    /// <summary>Whether OFFSET is accepted: true (default) or false.</summary>
    public const string SupportsOffset = Dialect + ":" + nameof(SupportsOffset);

    /// <summary>How values reach the server: Inline (default) or Bind.</summary>
    public const string ParameterMode = Dialect + ":" + nameof(ParameterMode);

    /// <summary>Path of the non-expiring credential JSON file downloaded from the Credentials tab.</summary>
    public const string CredentialFile = nameof(CredentialFile);

    /// <summary>IMS organisation id (used as the user name for credential files and OAuth).</summary>
    public const string OrganizationId = nameof(OrganizationId);

    /// <summary>OAuth server-to-server client id.</summary>
    public const string ClientId = nameof(ClientId);

    /// <summary>OAuth server-to-server client secret.</summary>
    public const string ClientSecret = nameof(ClientSecret);

    /// <summary>OAuth scopes, comma separated.</summary>
    public const string Scopes = nameof(Scopes);

    /// <summary>
    /// The sandbox, e.g. <c>prod</c> (the REST API's <c>x-sandbox-name</c>). With OAuth settings and no <c>Host</c>, the
    /// wire's host, port, database and user are read from the REST API's <c>/connection_parameters</c> for this sandbox.
    /// </summary>
    public const string SandboxName = nameof(SandboxName);

    /// <summary>OAuth token endpoint; Adobe IMS v3 unless told otherwise.</summary>
    public const string TokenEndpoint = nameof(TokenEndpoint);

    /// <summary>
    /// The REST API's base address (for batch jobs); Adobe's <c>https://platform.adobe.io/data/foundation/query/</c> unless told otherwise.
    /// </summary>
    public const string ApiBaseAddress = nameof(ApiBaseAddress);

    /// <summary>
    /// Path of a PEM root certificate that the HTTPS calls (the token endpoint and the REST API) trust instead of the
    /// system's roots: a local sandbox's authority. Unset for Adobe's services.
    /// </summary>
    public const string ApiRootCertificate = nameof(ApiRootCertificate);

    /// <summary>The configuration key of a setting, e.g. <c>QueryService:Host</c>.</summary>
    /// <param name="field">The setting's name.</param>
    public static string ConfigurationKey(string field) => $"{Section}:{field}";

    /// <summary>
    /// The environment variable of a setting, e.g. <c>QueryService__Host</c> or <c>QueryService__Dialect__ExplodeForm</c>.
    /// </summary>
    /// <param name="field">The setting's name.</param>
    public static string EnvironmentVariable(string field) => $"{Section}__{field.Replace(":", "__", StringComparison.Ordinal)}";
}
