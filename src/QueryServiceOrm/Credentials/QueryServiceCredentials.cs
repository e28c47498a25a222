using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Npgsql;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Credentials;

/// <summary>
/// Where and how to connect to Query Service: host, port, database, user, and either a password (an
/// access token or a non-expiring <c>technicalAccountId:credential</c>) or an OAuth token provider.
/// Build it from configuration, the environment, a credential file or OAuth settings; nothing here
/// touches the network. <see cref="ToString"/> never shows a secret.
/// </summary>
public sealed partial record QueryServiceCredentials
{
    /// <summary>The port the Credentials tab shows.</summary>
    public const int DefaultPort = 80;

    /// <summary>All data of the production sandbox.</summary>
    public const string DefaultDatabase = "prod:all";

    private readonly string _host = "";
    private readonly string _username = "";
    private readonly string? _password;

    /// <summary>Host name, e.g. <c>acme.platform-query.adobe.io</c>.</summary>
    public string Host
    {
        get => _host;
        init => _host = value?.Trim() ?? "";
    }

    /// <summary>TCP port; 80 by default (the service also listens on 5432, with TLS on both).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Database as <c>sandbox:target</c>, e.g. <c>prod:all</c>.</summary>
    public string Database { get; init; } = DefaultDatabase;

    /// <summary>User name: the IMS organisation id ending in <c>@AdobeOrg</c>.</summary>
    public string Username
    {
        get => _username;
        init => _username = value?.Trim() ?? "";
    }

    /// <summary>
    /// The password: an access token or <c>technicalAccountId:credential</c>. Surrounding white space is
    /// removed (Adobe's own samples wrap it in newlines). Null when <see cref="AccessTokenProvider"/> is used.
    /// </summary>
    public string? Password
    {
        get => _password;
        init => _password = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>Supplies rotating access tokens (OAuth server-to-server) instead of a fixed password.</summary>
    public QueryServiceAccessTokenProvider? AccessTokenProvider { get; init; }

    /// <summary>TLS mode. Require by default; VerifyCA and VerifyFull check the server's certificate.</summary>
    public SslMode SslMode { get; init; } = SslMode.Require;

    /// <summary>Path of a PEM root certificate to trust (for VerifyCA/VerifyFull).</summary>
    public string? RootCertificate { get; init; }

    /// <summary>
    /// How long opening a session may take, TCP, TLS and login together; null for the default of
    /// <see cref="QueryServiceConnectionSettings.ConnectTimeout"/>. <c>ConnectTimeout(...)</c> in UseQueryService's options wins.
    /// </summary>
    public TimeSpan? ConnectTimeout { get; init; }

    /// <summary>The forms of SQL this server accepts where Adobe leaves them open (the documented ones by default).</summary>
    public QueryServiceDialect Dialect { get; init; } = QueryServiceDialect.Default;

    /// <summary>The REST API's base address, for batch jobs; Adobe's when null.</summary>
    public Uri? ApiBaseAddress { get; init; }

    /// <summary>
    /// A PEM root certificate the token endpoint's and the REST API's HTTPS must chain to (a local sandbox's); the system's roots
    /// when null.
    /// </summary>
    public string? ApiRootCertificate { get; init; }

    /// <summary>
    /// The sandbox, e.g. <c>prod</c>: the REST API's <c>x-sandbox-name</c> (the first part of <see cref="Database"/> when
    /// null). With an <see cref="AccessTokenProvider"/> and no <see cref="Host"/>, the wire's host, port, database and user are
    /// read from the REST API's <c>/connection_parameters</c> for this sandbox when first needed, and again once the token was
    /// renewed; <see cref="Port"/>, <see cref="Database"/> and <see cref="Username"/> are not used then.
    /// </summary>
    public string? SandboxName { get; init; }

    /// <summary>Whether the wire's host, port, database and user come from the REST API's <c>/connection_parameters</c>.</summary>
    internal bool ReadsConnectionParameters => Host.Length == 0 && AccessTokenProvider is not null && SandboxName is not null;

    /// <summary>
    /// Reads the <c>QueryService</c> section of a configuration (appsettings.json, user secrets,
    /// <c>QueryService__*</c> environment variables...). <c>ClientId</c> selects OAuth, <c>CredentialFile</c>
    /// a non-expiring credential file, otherwise <c>Password</c> is used.
    /// </summary>
    /// <param name="configuration">The root configuration, or the <c>QueryService</c> section itself.</param>
    /// <param name="httpClient">For OAuth only: the client to call the token endpoint with.</param>
    /// <exception cref="QueryServiceConfigurationException">A setting is missing or unsafe.</exception>
    public static QueryServiceCredentials FromConfiguration(IConfiguration configuration, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration is IConfigurationSection { Key: QueryServiceCredentialKeys.Section } s
            ? s
            : configuration.GetSection(QueryServiceCredentialKeys.Section);
        QueryServiceDialect.CheckNames(section.GetSection(QueryServiceCredentialKeys.Dialect).GetChildren().Select(c => c.Key));

        // A value written as an object or a list reads as missing, and a default (port 80) would silently stand in for it.
        if (SingleValueKeys.FirstOrDefault(key => section.GetSection(key).GetChildren().Any()) is { } structured)
        {
            throw new QueryServiceConfigurationException(structured, "is an object or a list; give it a single value.");
        }

        return FromSettings(key => section[key], httpClient);
    }

    /// <summary>Reads the <c>QueryService__*</c> environment variables, with the same keys as <see cref="FromConfiguration"/>.</summary>
    /// <exception cref="QueryServiceConfigurationException">A setting is missing or unsafe.</exception>
    public static QueryServiceCredentials FromEnvironment()
    {
        var prefix = QueryServiceCredentialKeys.EnvironmentVariable(QueryServiceCredentialKeys.Dialect) + "__";
        QueryServiceDialect.CheckNames(Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Select(v => v[prefix.Length..]));
        return FromSettings(
            key => Environment.GetEnvironmentVariable(QueryServiceCredentialKeys.EnvironmentVariable(key)), httpClient: null);
    }

    /// <summary>
    /// Reads a PostgreSQL-style connection string, such as the one <c>dotnet ef dbcontext scaffold</c> was given:
    /// <c>Host</c>, <c>Port</c>, <c>Database</c>, <c>Username</c>, <c>Password</c>, <c>SSL Mode</c>, <c>Root Certificate</c>
    /// (and <c>Application Name</c>, which <c>UseQueryService(connectionString)</c> passes on; credentials do not hold it).
    /// The same checks as every other source apply: TLS cannot be turned off. No error repeats a value of the string (an
    /// unquoted password cut at a ';' would spill into the next one). The dialect's switches are not connection settings:
    /// they come from configuration, or from the options of <c>UseQueryService</c>.
    /// </summary>
    /// <param name="connectionString">The connection string.</param>
    /// <exception cref="QueryServiceConfigurationException">A setting is missing or unsafe.</exception>
    /// <exception cref="ArgumentException">The connection string has a keyword this library does not read.</exception>
    public static QueryServiceCredentials FromConnectionString(string connectionString) => FromConnectionString(connectionString, out _);

    /// <summary>As <see cref="FromConnectionString(string)"/>, with the connection string's <c>Application Name</c>, if any.</summary>
    internal static QueryServiceCredentials FromConnectionString(string connectionString, out string? applicationName)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var settings = ParseConnectionString(connectionString);
        applicationName = settings.GetValueOrDefault(ApplicationNameKey);
        try
        {
            return FromSettings(key => settings.GetValueOrDefault(key), httpClient: null);
        }
        catch (QueryServiceConfigurationException e)
        {
            // A password with an unquoted ';' spills into the next setting, so no value of a connection string is repeated.
            var problem = settings.Values.Where(v => !string.IsNullOrEmpty(v)).OrderByDescending(v => v!.Length)
                .Aggregate(e.Problem, (text, value) => text.Replace(value!, "<the value given>", StringComparison.Ordinal));
            throw new QueryServiceConfigurationException(e.Field, problem + " " + QuotingAdvice);
        }
    }

    // Not a credential: UseQueryService(connectionString) and the scaffolder pass it on to the connection.
    private const string ApplicationNameKey = "ApplicationName";

    private const string QuotingAdvice = "A value holding ; = ' or \" goes in double quotes, its own double quotes doubled.";

    private static Dictionary<string, string?> ParseConnectionString(string connectionString)
    {
        System.Data.Common.DbConnectionStringBuilder parsed;
        try
        {
            parsed = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException)
        {
            throw new ArgumentException(
                $"The connection string is malformed, and is not repeated here since it may hold the password. {QuotingAdvice}",
                nameof(connectionString));
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var previous = "";
        foreach (string keyword in parsed.Keys)
        {
            settings[ConnectionStringKey(keyword, previous)] = parsed[keyword]?.ToString();
            previous = keyword;
        }

        return settings;
    }

    // An unknown keyword is named only when Npgsql knows it: anything else may be the tail of a password cut at a ';'.
    private static string ConnectionStringKey(string keyword, string previous)
        => ConnectionStringKeys.TryGetValue(keyword.Replace(" ", "", StringComparison.Ordinal), out var known)
            ? known
            : keyword.Equals(QueryServiceCredentialKeys.Dialect, StringComparison.OrdinalIgnoreCase)
                ? throw RetiredDialect()
            : throw new ArgumentException(
                (new NpgsqlConnectionStringBuilder().ContainsKey(keyword)
                    ? $"'{keyword}' is an Npgsql setting this library makes itself "
                      + "(the pool and timeouts are set with UseQueryService's options)."
                    : "The connection string has a keyword this library does not read"
                      + $"{(previous.Length > 0 ? $", after '{previous}'" : "")}, "
                      + "not repeated here in case it is the tail of a password cut at a ';'. " + QuotingAdvice)
                + " Use Host, Port, Database, Username, Password, SSL Mode, Root Certificate and Application Name.",
                "connectionString");

    private static readonly string[] SingleValueKeys =
    [
        QueryServiceCredentialKeys.Host, QueryServiceCredentialKeys.Port, QueryServiceCredentialKeys.Database,
        QueryServiceCredentialKeys.Username,
        QueryServiceCredentialKeys.Password, QueryServiceCredentialKeys.SslMode, QueryServiceCredentialKeys.RootCertificate,
        QueryServiceCredentialKeys.ConnectTimeout, QueryServiceCredentialKeys.CredentialFile, QueryServiceCredentialKeys.OrganizationId,
        QueryServiceCredentialKeys.ClientId, QueryServiceCredentialKeys.ClientSecret, QueryServiceCredentialKeys.Scopes,
        QueryServiceCredentialKeys.TokenEndpoint,
        QueryServiceCredentialKeys.ApiBaseAddress, QueryServiceCredentialKeys.ApiRootCertificate, QueryServiceCredentialKeys.SandboxName,
    ];

    private static readonly Dictionary<string, string> ConnectionStringKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Host"] = QueryServiceCredentialKeys.Host, ["Server"] = QueryServiceCredentialKeys.Host,
        ["Port"] = QueryServiceCredentialKeys.Port,
        ["Database"] = QueryServiceCredentialKeys.Database, ["Db"] = QueryServiceCredentialKeys.Database,
        ["Username"] = QueryServiceCredentialKeys.Username, ["UserId"] = QueryServiceCredentialKeys.Username,
        ["UserName"] = QueryServiceCredentialKeys.Username,
        ["User"] = QueryServiceCredentialKeys.Username, ["Uid"] = QueryServiceCredentialKeys.Username,
        ["Password"] = QueryServiceCredentialKeys.Password, ["Pwd"] = QueryServiceCredentialKeys.Password,
        ["SslMode"] = QueryServiceCredentialKeys.SslMode, ["RootCertificate"] = QueryServiceCredentialKeys.RootCertificate,
        ["ApplicationName"] = ApplicationNameKey,
    };

    /// <summary>
    /// Uses a non-expiring credential file as downloaded from the Credentials tab; the password becomes
    /// <c>technicalAccountId:credential</c> and the user the organisation id.
    /// </summary>
    /// <param name="host">Host name from the Credentials tab.</param>
    /// <param name="credentialFile">Path of the downloaded JSON file.</param>
    /// <param name="organizationId">IMS organisation id (with or without the <c>@AdobeOrg</c> suffix).</param>
    /// <exception cref="QueryServiceConfigurationException">The file is unreadable or malformed, or a setting is wrong.</exception>
    public static QueryServiceCredentials FromCredentialFile(string host, string credentialFile, string organizationId)
        => new QueryServiceCredentials
        {
            Host = host,
            Username = UserFromOrganization(organizationId),
            Password = AdobeCredentialFile.ReadPassword(Required(credentialFile, QueryServiceCredentialKeys.CredentialFile)),
        }.Validate();

    /// <summary>Uses OAuth server-to-server: tokens are fetched when first needed and renewed in the background.</summary>
    /// <param name="host">Host name from the Credentials tab.</param>
    /// <param name="tokenProvider">The provider of access tokens.</param>
    /// <exception cref="QueryServiceConfigurationException">A setting is missing or unsafe.</exception>
    public static QueryServiceCredentials FromOAuth(string host, QueryServiceAccessTokenProvider tokenProvider)
    {
        ArgumentNullException.ThrowIfNull(tokenProvider);
        return new QueryServiceCredentials
        {
            Host = host,
            Username = UserFromOrganization(tokenProvider.Options.OrganizationId),
            AccessTokenProvider = tokenProvider,
        }.Validate();
    }

    /// <summary>
    /// Uses OAuth server-to-server alone: the wire's host, port, database and user are read from the REST API's
    /// <c>/connection_parameters</c> (with the same token) when first needed, and again once the token was renewed. Set
    /// <see cref="ApiBaseAddress"/> (and <see cref="ApiRootCertificate"/>) with <c>with</c> for an API other than Adobe's.
    /// </summary>
    /// <param name="tokenProvider">The provider of access tokens, for the wire and the REST API alike.</param>
    /// <param name="sandboxName">The sandbox, e.g. <c>prod</c>.</param>
    /// <exception cref="QueryServiceConfigurationException">A setting is missing or unsafe.</exception>
    public static QueryServiceCredentials FromOAuth(QueryServiceAccessTokenProvider tokenProvider, string sandboxName)
    {
        ArgumentNullException.ThrowIfNull(tokenProvider);
        return new QueryServiceCredentials
        {
            AccessTokenProvider = tokenProvider,
            SandboxName = sandboxName,
            Database = AllOf(Required(sandboxName, QueryServiceCredentialKeys.SandboxName)),
        }.Validate();
    }

    /// <summary>
    /// Checks every setting without touching the network and returns this instance.
    /// </summary>
    /// <exception cref="QueryServiceConfigurationException">Names the first setting that is missing or unsafe.</exception>
    public QueryServiceCredentials Validate()
    {
        // Without Host, host, port and user come from /connection_parameters, and are checked when the answer arrives.
        if (!ReadsConnectionParameters)
        {
            ValidateEndpoint();
        }

        ValidateDatabase();
        if (!ReadsConnectionParameters)
        {
            Required(Username, QueryServiceCredentialKeys.Username);
        }

        if (AccessTokenProvider is null)
        {
            Required(Password, QueryServiceCredentialKeys.Password);
        }
        else if (Password is not null)
        {
            throw new QueryServiceConfigurationException(
                QueryServiceCredentialKeys.Password, "is set together with OAuth settings; use one or the other.");
        }

        ValidateTransport();
        (Dialect ?? throw new QueryServiceConfigurationException(
            QueryServiceCredentialKeys.Dialect, "is null; leave it out for the documented forms.")).Validate();
        return this;
    }

    private void ValidateDatabase()
    {
        if (!DatabasePattern().IsMatch(Database ?? ""))
        {
            throw new QueryServiceConfigurationException(
                QueryServiceCredentialKeys.Database,
                $"is '{Database}', not of the form sandbox:target (e.g. prod:all, prod:my_table, prod:mydb.myschema).");
        }

        if (SandboxName is not null && !SandboxNamePattern().IsMatch(SandboxName))
        {
            throw new QueryServiceConfigurationException(
                QueryServiceCredentialKeys.SandboxName, $"is '{SandboxName}', not a sandbox name such as prod (letters, digits, - and _).");
        }

        if (SandboxName is not null && !Database!.StartsWith(SandboxName + ":", StringComparison.Ordinal))
        {
            throw new QueryServiceConfigurationException(
                QueryServiceCredentialKeys.Database,
                $"is '{Database}', outside the sandbox SandboxName names ('{SandboxName}'); make them agree.");
        }
    }

    private void ValidateEndpoint()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new QueryServiceConfigurationException(
                QueryServiceCredentialKeys.Host,
                "is missing; give the host name from the Credentials tab" + (AccessTokenProvider is null
                    ? "."
                    : ", or SandboxName to have the REST API's /connection_parameters give the host, database and user."));
        }

        if (Uri.CheckHostName(Host) == UriHostNameType.Unknown)
        {
            throw new QueryServiceConfigurationException(
                QueryServiceCredentialKeys.Host,
                Host.Contains("://", StringComparison.Ordinal) || Host.Contains('/', StringComparison.Ordinal)
                    ? "is a URL; give the host name alone, e.g. acme.platform-query.adobe.io (no scheme, path or port)."
                    : "is not a valid host name; give it alone, e.g. acme.platform-query.adobe.io (the port goes in Port).");
        }

        if (Port is < 1 or > 65535)
        {
            throw new QueryServiceConfigurationException(
                QueryServiceCredentialKeys.Port, $"is {Port}, outside 1..65535; Query Service listens on 80 (or 5432).");
        }
    }

    private void ValidateTransport()
    {
        if (SslMode is SslMode.Disable or SslMode.Allow or SslMode.Prefer)
        {
            throw new QueryServiceConfigurationException(
                QueryServiceCredentialKeys.SslMode,
                $"is {SslMode}, which can fall back to plain text; Query Service authenticates with a cleartext password " +
                "(the token itself), which must never cross the network unencrypted. Use Require, VerifyCA or VerifyFull.");
        }

        if (RootCertificate is not null && !IsReadableFile(RootCertificate))
        {
            throw new QueryServiceConfigurationException(
                QueryServiceCredentialKeys.RootCertificate, $"names {RootCertificate}, which is not a readable file.");
        }

        if (ApiRootCertificate is not null && !IsReadableFile(ApiRootCertificate))
        {
            throw new QueryServiceConfigurationException(
                QueryServiceCredentialKeys.ApiRootCertificate, $"names {ApiRootCertificate}, which is not a readable file.");
        }

        if (SslMode is SslMode.VerifyCA or SslMode.VerifyFull && RootCertificate is null)
        {
            throw new QueryServiceConfigurationException(
                QueryServiceCredentialKeys.RootCertificate,
                $"is missing; {SslMode} needs the PEM file of the root certificate to trust (DigiCert Global Root G2 for Query Service).");
        }

        if (ConnectTimeout is { } timeout && (timeout <= TimeSpan.Zero || timeout > QueryServiceConnectionSettings.MaxConnectTimeout))
        {
            throw new QueryServiceConfigurationException(
                QueryServiceCredentialKeys.ConnectTimeout,
                $"is {timeout.TotalSeconds:0.###} s, outside 1..{QueryServiceConnectionSettings.MaxConnectTimeout.TotalSeconds:0} s.");
        }
    }

    /// <summary>The settings with every secret replaced by a placeholder.</summary>
    public override string ToString()
        => (ReadsConnectionParameters
               ? $"SandboxName={SandboxName};Host, Port, Database and Username from /connection_parameters;"
               : $"Host={Host};Port={Port};Database={Database};Username={Username};") +
           (AccessTokenProvider is null
               ? $"Password={Redaction.Mask(Password)}"
               : $"Password=<OAuth token for client {AccessTokenProvider.Options.ClientId}>") +
           $";SslMode={SslMode}" +
           (RootCertificate is null ? "" : $";RootCertificate={RootCertificate}");

    internal static QueryServiceCredentials FromSettings(Func<string, string?> setting, HttpClient? httpClient)
    {
        string? Get(string key) => string.IsNullOrWhiteSpace(setting(key)) ? null : setting(key)!.Trim();

        var organization = Get(QueryServiceCredentialKeys.OrganizationId);
        var clientId = Get(QueryServiceCredentialKeys.ClientId);
        var credentialFile = Get(QueryServiceCredentialKeys.CredentialFile);
        var sandboxName = Get(QueryServiceCredentialKeys.SandboxName);
        var readsParameters = clientId is not null && sandboxName is not null && Get(QueryServiceCredentialKeys.Host) is null;
        if (readsParameters)
        {
            RefuseWireSettings(Get);
        }

        var username = Get(QueryServiceCredentialKeys.Username)
                       ?? (organization is null || readsParameters ? null : UserFromOrganization(organization));
        var password = setting(QueryServiceCredentialKeys.Password);
        QueryServiceAccessTokenProvider? tokenProvider = null;
        if ((clientId ?? credentialFile) is not null && !string.IsNullOrWhiteSpace(password))
        {
            throw new QueryServiceConfigurationException(
                QueryServiceCredentialKeys.Password,
                $"is set together with {(clientId is null ? "CredentialFile" : "OAuth settings (ClientId)")}; use one or the other.");
        }

        var apiRootCertificate = Get(QueryServiceCredentialKeys.ApiRootCertificate);
        if (clientId is not null)
        {
            tokenProvider = new QueryServiceAccessTokenProvider(
                new QueryServiceOAuthOptions
                {
                    ClientId = clientId,
                    ClientSecret = setting(QueryServiceCredentialKeys.ClientSecret) ?? "",
                    OrganizationId = organization ?? "",
                    Scopes = Get(QueryServiceCredentialKeys.Scopes) ?? QueryServiceOAuthOptions.DefaultScopes,
                    TokenEndpoint = ParseUri(Get(QueryServiceCredentialKeys.TokenEndpoint), QueryServiceCredentialKeys.TokenEndpoint)
                        ?? QueryServiceOAuthOptions.DefaultTokenEndpoint,
                },
                httpClient ?? (apiRootCertificate is null ? null : QueryServiceAccessTokenProvider.TrustingClient(apiRootCertificate)),
                ownsHttpClient: httpClient is null);
        }
        else if (credentialFile is not null)
        {
            Required(organization, QueryServiceCredentialKeys.OrganizationId);
            password = AdobeCredentialFile.ReadPassword(credentialFile);
        }

        return new QueryServiceCredentials
        {
            Host = Get(QueryServiceCredentialKeys.Host) ?? "",
            Port = ParsePort(Get(QueryServiceCredentialKeys.Port)),
            Database = Get(QueryServiceCredentialKeys.Database) ?? (sandboxName is null ? DefaultDatabase : AllOf(sandboxName)),
            SandboxName = sandboxName,
            Username = username ?? "",
            Password = password,
            AccessTokenProvider = tokenProvider,
            SslMode = ParseSslMode(Get(QueryServiceCredentialKeys.SslMode)),
            RootCertificate = Get(QueryServiceCredentialKeys.RootCertificate),
            ConnectTimeout = ParseConnectTimeout(Get(QueryServiceCredentialKeys.ConnectTimeout)),
            Dialect = ParseDialect(setting),
            ApiBaseAddress = ParseUri(Get(QueryServiceCredentialKeys.ApiBaseAddress), QueryServiceCredentialKeys.ApiBaseAddress),
            ApiRootCertificate = apiRootCertificate,
        }.Validate();
    }

    // A value the API's answer would silently replace is refused, so a configuration never says one thing and does another.
    private static void RefuseWireSettings(Func<string, string?> get)
    {
        string[] wire = [QueryServiceCredentialKeys.Port, QueryServiceCredentialKeys.Database, QueryServiceCredentialKeys.Username];
        if (wire.FirstOrDefault(key => get(key) is not null) is { } given)
        {
            throw new QueryServiceConfigurationException(
                given,
                "is set without Host, while SandboxName has the REST API's /connection_parameters give the host, port, database and user: "
                + "remove it, or set Host too and configure the wire yourself.");
        }
    }

    // Adobe documents prod:all, everything in the sandbox, as the database the API and its connection parameters name.
    private static string AllOf(string sandboxName) => sandboxName.Trim() + ":all";

    private static string UserFromOrganization(string organizationId)
    {
        var id = Required(organizationId, QueryServiceCredentialKeys.OrganizationId).Trim();
        return id.EndsWith("@AdobeOrg", StringComparison.OrdinalIgnoreCase) ? id : id + "@AdobeOrg";
    }

    private static string Required(string? value, string field)
        => string.IsNullOrWhiteSpace(value)
            ? throw new QueryServiceConfigurationException(field, "is missing.")
            : value;

    private static bool IsReadableFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    private static int ParsePort(string? value)
        => value is null
            ? DefaultPort
            : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                ? port
                : throw new QueryServiceConfigurationException(
                    QueryServiceCredentialKeys.Port, $"is '{value}', not a whole number in 1..65535.");

    private static TimeSpan? ParseConnectTimeout(string? value)
        => value is null
            ? null
            : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : throw new QueryServiceConfigurationException(
                    QueryServiceCredentialKeys.ConnectTimeout, $"is '{value}', not a whole number of seconds.");

    private static SslMode ParseSslMode(string? value)
        => value is null
            ? SslMode.Require
            : Enum.TryParse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var mode)
              && Enum.IsDefined(mode)
                ? mode
                : throw new QueryServiceConfigurationException(
                    QueryServiceCredentialKeys.SslMode, $"is '{value}'; use Require, VerifyCA or VerifyFull.");

    // The retired choice between Query Service and PostgreSQL was a plain value at this key; the switches are below it.
    private static QueryServiceDialect ParseDialect(Func<string, string?> setting)
        => string.IsNullOrWhiteSpace(setting(QueryServiceCredentialKeys.Dialect))
            ? QueryServiceDialect.FromSettings(setting).Validate()
            : throw RetiredDialect();

    private static QueryServiceConfigurationException RetiredDialect()
        => new(
            QueryServiceCredentialKeys.Dialect,
            "holds a value, but the library writes only Query Service SQL, on the service and on the sandbox alike: remove it. "
            + "The open questions of the dialect are the keys under it (Dialect:IdentifierQuote, Dialect:DoubleColumnType, "
            + "Dialect:ExplodeForm, Dialect:SupportsOffset, Dialect:ParameterMode), which 'qsorm doctor' writes.",
            retired: true);

    private static Uri? ParseUri(string? value, string key)
        => value is null
            ? null
            : Uri.TryCreate(value, UriKind.Absolute, out var uri)
                ? uri
                : throw new QueryServiceConfigurationException(key, $"is '{value}', not an absolute URL.");

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_\-]*:[^\s:]+$")]
    private static partial Regex DatabasePattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_\-]*$")]
    private static partial Regex SandboxNamePattern();
}
