using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Sandbox.Rest;
using QueryServiceOrm.Sandbox.Wire;

namespace QueryServiceOrm.Sandbox;

/// <summary>
/// A local Query Service emulator: a front of ours on 127.0.0.1 that clients reach as they reach the service (TLS only,
/// the token as cleartext password, user <c>ORGID@AdobeOrg</c>, database <c>prod:all</c>), speaks the service's Spark SQL
/// and runs it on a throwaway PostgreSQL behind it that no client of the front can reach. The front runs in the process
/// that starts the sandbox; disposing the sandbox, or that process ending, stops it and deletes its files.
/// </summary>
public sealed class QueryServiceSandbox : IAsyncDisposable
{
    private readonly ISandboxBackend? _backend;
    private readonly SandboxFront? _front;
    private readonly Process? _watchdog;
    private readonly FrontTokens _tokens;
    private int _disposed;

    private QueryServiceSandbox(ISandboxBackend? backend, QueryServiceSandboxState state, SandboxFront? front, Process? watchdog)
    {
        _backend = backend;
        State = state;
        _front = front;
        _watchdog = watchdog;
        _tokens = new FrontTokens(SandboxFront.TokenFile(state.InstanceDirectory));
    }

    /// <summary>Always the loopback address: the sandbox never listens anywhere else.</summary>
    public string Host => "127.0.0.1";

    /// <summary>The front's TCP port, picked free at start.</summary>
    public int Port => State.Port;

    /// <summary>The database, <c>prod:all</c> unless configured otherwise.</summary>
    public string Database => State.Database;

    /// <summary>The organisation id.</summary>
    public string OrganizationId => State.OrganizationId;

    /// <summary>The user name, <c>ORGID@AdobeOrg</c>.</summary>
    public string Username => OrganizationId + "@AdobeOrg";

    /// <summary>The token the front accepts now (see <see cref="RotatePasswordAsync"/>).</summary>
    public string Password => _tokens.Current;

    /// <summary>The sandbox part of the database name (<c>prod</c>), which the REST API wants as <c>x-sandbox-name</c>.</summary>
    public string SandboxName => Database.Split(':')[0];

    /// <summary>The emulated REST API's base address, <c>https://127.0.0.1:PORT/data/foundation/query/</c>.</summary>
    public Uri RestBaseAddress => new($"https://{Host}:{State.RestPort}{RestEndpoints.ApiBase}/");

    /// <summary>The emulated IMS token endpoint (OAuth client credentials), on the REST API's port.</summary>
    public Uri TokenEndpoint => new($"https://{Host}:{State.RestPort}{ImsTokenEndpoint.Path}");

    /// <summary>The OAuth client id the token endpoint accepts; also the REST API's <c>x-api-key</c>.</summary>
    public string ClientId => State.ClientId;

    /// <summary>The OAuth client secret the token endpoint accepts.</summary>
    public string ClientSecret => State.ClientSecret;

    /// <summary>The REST API's request log: every request with the status it got (see <see cref="ReadRestLog"/>).</summary>
    public string RestLogPath => RestRequestLog.FileIn(InstanceDirectory);

    /// <summary>The folder holding the backend's data directory, certificates, token, journal and log.</summary>
    public string InstanceDirectory => State.InstanceDirectory;

    /// <summary>The PEM file of the certificate authority that signed the server certificate (for VerifyCA/VerifyFull).</summary>
    public string RootCertificatePath => Path.Combine(InstanceDirectory, SandboxCertificates.RootCertificateFile);

    /// <summary>The backend's log: every statement that reached PostgreSQL, with the client's application name.</summary>
    public string ServerLogPath => SandboxInstanceRegistry.LogFile(InstanceDirectory);

    /// <summary>
    /// The front's journal: every SQL text a client sent, with what the front did with it (see <see cref="ReadJournal"/>).
    /// </summary>
    public string JournalPath => SandboxFront.JournalFile(InstanceDirectory);

    /// <summary>What another process needs to reach this sandbox again (<see cref="Attach"/>); it holds the backend's secrets.</summary>
    public QueryServiceSandboxState State { get; }

    /// <summary>Where the backend PostgreSQL runs: this machine's server programs or a container.</summary>
    public SandboxBackendKind Backend => State.Backend;

    /// <summary>Whether the sandbox is up: its backend runs and so does the process that hosts its front.</summary>
    public bool IsRunning
        => SandboxBackend.IsRunning(State)
           && (_front is not null ? Volatile.Read(ref _disposed) == 0 : SandboxInstanceRegistry.IsOwnerAlive(InstanceDirectory));

    /// <summary>Starts a new sandbox: its backend, then its front in this process.</summary>
    /// <param name="options">Set-up options; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="SandboxException">
    /// The PostgreSQL programs are missing (local backend), no Docker engine answers (container backend; the message is
    /// Testcontainers' own and what to do), or the server would not start.
    /// </exception>
    public static async Task<QueryServiceSandbox> StartAsync(
        QueryServiceSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new QueryServiceSandboxOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SessionLimit, 1, nameof(options.SessionLimit));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.StatementTimeout, TimeSpan.Zero, nameof(options.StatementTimeout));
        var backend = SandboxBackend.Create(options);
        await SandboxInstanceRegistry.SweepOrphansAsync(PostgresBinaries.TryFind(), cancellationToken).ConfigureAwait(false);

        var instance = SandboxInstanceRegistry.CreateInstanceDirectory(Environment.ProcessId);
        Process? watchdog = null;
        SandboxFront? front = null;
        try
        {
            watchdog = SandboxInstanceRegistry.StartWatchdog(instance, PostgresBinaries.TryFind(), Environment.ProcessId);
            var adminPassword = Secret();
            var backendPort = await backend.StartAsync(instance, adminPassword, cancellationToken).ConfigureAwait(false);

            var state = new QueryServiceSandboxState(
                instance, Port: 0, backendPort, options.OrganizationId ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(12)),
                options.Database, adminPassword, Secret(), Secret(), Environment.ProcessId, backend.Kind)
            {
                ClientId = "qsorm-sandbox-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant(),
                ClientSecret = Secret(),
            };
            await SandboxBackend.CreateUserAndDatabaseAsync(
                SandboxBackend.AdminConnectionString(state, state.Database),
                state.OrganizationId + "@AdobeOrg", state.BackendPassword, state.CatalogPassword, cancellationToken).ConfigureAwait(false);

            new FrontTokens(SandboxFront.TokenFile(instance)).Write(options.Password ?? SandboxTokens.NewToken(), expiresAt: null);
            front = await SandboxFront.StartAsync(state, options, cancellationToken).ConfigureAwait(false);
            return new QueryServiceSandbox(backend, state with { Port = front.Port, RestPort = front.Rest.Port }, front, watchdog);
        }
        catch
        {
            if (front is not null)
            {
                await front.DisposeAsync().ConfigureAwait(false);
            }

            await StopAndDeleteAsync(backend, instance, watchdog).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Reaches a sandbox whose front another process hosts (<c>qsorm sandbox start</c>). Disposing the result leaves it
    /// running; <see cref="StopAsync"/> stops it.
    /// </summary>
    /// <param name="state">The state the hosting process saved.</param>
    public static QueryServiceSandbox Attach(QueryServiceSandboxState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new QueryServiceSandbox(backend: null, state, front: null, watchdog: null);
    }

    /// <summary>
    /// Stops the sandbox and deletes its files, whoever started it: an attached sandbox asks its host to stop (SIGTERM, up to
    /// 30 seconds), then stops the backend itself if the host did not.
    /// </summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_front is not null)
        {
            await _front.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            await SandboxInstanceRegistry.TerminateOwnerAsync(
                InstanceDirectory, State.HostProcessId, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }

        await StopAndDeleteAsync(_backend ?? Attached(State), InstanceDirectory, _watchdog).ConfigureAwait(false);
    }

    /// <summary>Credentials for this sandbox's front, as an application would hold them for the service.</summary>
    /// <param name="sslMode">Require by default; VerifyFull checks the certificate against <see cref="RootCertificatePath"/>.</param>
    public QueryServiceCredentials Credentials(SslMode sslMode = SslMode.Require)
        => new QueryServiceCredentials
        {
            Host = Host,
            Port = Port,
            Database = Database,
            Username = Username,
            Password = Password,
            SslMode = sslMode,
            RootCertificate = sslMode is SslMode.VerifyCA or SslMode.VerifyFull ? RootCertificatePath : null,
        }.Validate();

    /// <summary>
    /// A plain Npgsql connection string to the front as the Query Service user over TLS, for the clients that bypass the
    /// library (peers in benchmarks, EF's scaffolder, a plain Npgsql EF Core context).
    /// </summary>
    /// <param name="applicationName">The application name the journal and the backend log show, if any.</param>
    public string ConnectionString(string? applicationName = null) => ConnectionString(Port, Password, applicationName);

    /// <summary>
    /// A plain Npgsql connection string straight to the backend (TLS, its own secret), bypassing the front: for the
    /// benchmarks' PostgreSQL peers and the tests' oracle, never for the library, which writes only the service's SQL.
    /// </summary>
    /// <param name="applicationName">The application name the backend log shows, if any.</param>
    public string BackendConnectionString(string? applicationName = null)
        => ConnectionString(State.BackendPort, State.BackendPassword, applicationName);

    /// <summary>The <c>QueryService__*</c> environment variables that describe this sandbox's front.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables() => EnvironmentVariables(Port, Password);

    /// <summary>
    /// The same variables for the backend, for peers that write PostgreSQL (SQLAlchemy's INSERT ... VALUES, which the service
    /// refuses) and so bypass the front, as the benchmarks' Python peers do.
    /// </summary>
    public IReadOnlyDictionary<string, string> BackendEnvironmentVariables()
        => EnvironmentVariables(State.BackendPort, State.BackendPassword);

    /// <summary>
    /// The <c>QueryService__*</c> variables of OAuth credentials for this sandbox, and nothing else: its token endpoint's
    /// client id and secret, the organisation and the sandbox's name, where its REST API is and which authority signs its
    /// HTTPS. No host, database or user: the library reads them from the API's <c>/connection_parameters</c>. The tokens
    /// serve the wire and the REST API alike, as on the service.
    /// </summary>
    public IReadOnlyDictionary<string, string> OAuthEnvironmentVariables()
        => new Dictionary<string, string>
        {
            [QueryServiceCredentialKeys.ClientId] = ClientId,
            [QueryServiceCredentialKeys.ClientSecret] = ClientSecret,
            [QueryServiceCredentialKeys.OrganizationId] = OrganizationId,
            [QueryServiceCredentialKeys.SandboxName] = SandboxName,
            [QueryServiceCredentialKeys.TokenEndpoint] = TokenEndpoint.ToString(),
            [QueryServiceCredentialKeys.ApiBaseAddress] = RestBaseAddress.ToString(),
            [QueryServiceCredentialKeys.ApiRootCertificate] = RootCertificatePath,
        }.ToDictionary(kv => QueryServiceCredentialKeys.EnvironmentVariable(kv.Key), kv => kv.Value);

    private Dictionary<string, string> EnvironmentVariables(int port, string password)
        => new()
        {
            [QueryServiceCredentialKeys.EnvironmentVariable(QueryServiceCredentialKeys.Host)] = Host,
            [QueryServiceCredentialKeys.EnvironmentVariable(QueryServiceCredentialKeys.Port)] = port.ToString(CultureInfo.InvariantCulture),
            [QueryServiceCredentialKeys.EnvironmentVariable(QueryServiceCredentialKeys.Database)] = Database,
            [QueryServiceCredentialKeys.EnvironmentVariable(QueryServiceCredentialKeys.Username)] = Username,
            [QueryServiceCredentialKeys.EnvironmentVariable(QueryServiceCredentialKeys.Password)] = password,
            [QueryServiceCredentialKeys.EnvironmentVariable(QueryServiceCredentialKeys.SslMode)] = "Require",
        };

    /// <summary>
    /// Makes the front accept only <paramref name="newPassword"/> from the next connection on, as when a token is replaced;
    /// after <paramref name="expiresAt"/> it accepts none. Sessions already open stay open, as they would on the service.
    /// </summary>
    /// <param name="newPassword">The new token; a fresh token-like one when null.</param>
    /// <param name="expiresAt">When the token expires; never when null.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The token now accepted.</returns>
    public Task<string> RotatePasswordAsync(
        string? newPassword = null, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        newPassword ??= SandboxTokens.NewToken();
        _tokens.Write(newPassword, expiresAt);
        return Task.FromResult(newPassword);
    }

    /// <summary>
    /// Makes the front fail statements as the service would: each SQL text a client sends (a simple Query, or the Parse of the
    /// extended protocol) that contains <paramref name="statementContains"/> is answered, while failures are left, with an
    /// ErrorResponse carrying <paramref name="sqlState"/> and <paramref name="message"/>, and never reaches the backend; later
    /// ones run normally. The error is an ERROR, so the session stays open (Npgsql closes its own connection after a 53, 58 or
    /// XX class SQLSTATE, as it would against the service). A prepared statement is checked when it is parsed, not on each
    /// execution (the library never prepares). Faults apply to every session: a unique text (a GUID in a string literal)
    /// keeps one test's to itself; where several match a statement, each counts it and the earliest injected with failures
    /// left fails it.
    /// </summary>
    /// <param name="statementContains">The text a statement must contain (ordinal comparison), not empty.</param>
    /// <param name="sqlState">The five-character SQLSTATE, e.g. <c>53300</c>.</param>
    /// <param name="message">The error's primary text, e.g. <c>Session Limit Reached</c>.</param>
    /// <param name="times">How many matching statements fail; every one by default.</param>
    /// <returns>The fault, which counts what it matched and failed; disposing it removes it.</returns>
    /// <exception cref="InvalidOperationException">
    /// The sandbox was attached (<see cref="Attach"/>): its front runs in another process.
    /// </exception>
    public SandboxFault Fail(string statementContains, string sqlState, string message, int times = int.MaxValue)
        => HostedFront(nameof(Fail)).Faults.Add(statementContains, sqlState, message, times);

    private SandboxFront HostedFront(string operation)
        => _front ?? throw new InvalidOperationException(
            $"{operation}: faults can only be injected in the process that hosts the "
            + $"sandbox's front (process {State.HostProcessId}, which started it); "
            + "this sandbox was attached from another process.");

    /// <summary>
    /// The OAuth settings of this sandbox's token endpoint, as an application holds them for IMS: tokens it fetches are the
    /// ones the wire and the REST API accept. Its HTTPS certificate is signed by <see cref="RootCertificatePath"/>, so the
    /// provider's HttpClient must trust that authority.
    /// </summary>
    public QueryServiceOAuthOptions OAuthOptions()
        => new() { ClientId = ClientId, ClientSecret = ClientSecret, OrganizationId = OrganizationId, TokenEndpoint = TokenEndpoint };

    /// <summary>
    /// Makes the REST API's gateway answer requests with an error before the API sees them, as Adobe's gateway does when it
    /// throttles (429) or the service is unavailable (503): each request with <paramref name="method"/> whose path contains
    /// <paramref name="pathContains"/> is answered with <paramref name="statusCode"/>, while failures are left. A faulted
    /// submission creates no job.
    /// </summary>
    /// <param name="method">The HTTP method, e.g. POST.</param>
    /// <param name="pathContains">The text the path must contain, e.g. <c>/queries</c>.</param>
    /// <param name="statusCode">The status, e.g. 429 or 503.</param>
    /// <param name="retryAfter">A <c>Retry-After</c> header to send with it, if any.</param>
    /// <param name="times">How many matching requests fail.</param>
    /// <returns>The fault, which counts what it matched and failed; disposing it removes it.</returns>
    /// <exception cref="InvalidOperationException">The sandbox was attached: its REST API runs in another process.</exception>
    public RestFault FailRest(
        string method, string pathContains, System.Net.HttpStatusCode statusCode, TimeSpan? retryAfter = null, int times = 1)
        => HostedFront(nameof(FailRest)).Rest.Faults.Add(method, pathContains, statusCode, retryAfter, times);

    /// <summary>Reads the REST API's request log as it is now.</summary>
    public IReadOnlyList<RestLogEntry> ReadRestLog()
        => File.Exists(RestLogPath)
            ? ReadShared(RestLogPath)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonSerializer.Deserialize<RestLogEntry>(l)!)
                .ToList()
            : [];

    /// <summary>Runs PostgreSQL as the backend's superuser in <see cref="Database"/> (not logged, never through the front).</summary>
    /// <param name="sql">The statement.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    public async Task ExecuteAdminAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAdminConnectionAsync(Database, cancellationToken).ConfigureAwait(false);
        await SandboxBackend.ExecuteAsync(connection, sql, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a backend superuser connection (its private socket, not pooled, not logged) for setting up test data.</summary>
    /// <param name="database">The database to connect to.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    public Task<NpgsqlConnection> OpenAdminConnectionAsync(string? database = null, CancellationToken cancellationToken = default)
        => SandboxBackend.OpenAsync(
            SandboxBackend.AdminConnectionString(State, database ?? Database), cancellationToken);

    /// <summary>
    /// Runs hand-written PostgreSQL through psql on the backend, as the user's backend role over TLS, and returns the rows,
    /// each value as psql prints it and null for SQL NULL: the reference the tests compare the front's answers with, which
    /// shares no code with the front.
    /// </summary>
    /// <param name="sql">One statement.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <exception cref="SandboxException">psql is missing or the statement failed.</exception>
    public Task<IReadOnlyList<IReadOnlyList<string?>>> PsqlAsync(string sql, CancellationToken cancellationToken = default)
        => RunPsqlAsync(State.BackendPort, State.BackendPassword, sql, cancellationToken);

    /// <summary>
    /// Runs the service's SQL through psql on the front, as a user of the service would, and returns the rows as
    /// <see cref="PsqlAsync"/> does.
    /// </summary>
    /// <param name="sql">The statement, in the service's dialect.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <exception cref="SandboxException">psql is missing or the statement failed.</exception>
    public Task<IReadOnlyList<IReadOnlyList<string?>>> PsqlFrontAsync(string sql, CancellationToken cancellationToken = default)
        => RunPsqlAsync(Port, Password, sql, cancellationToken);

    /// <summary>Reads the backend's log as it is now.</summary>
    public string ReadServerLog() => ReadShared(ServerLogPath);

    /// <summary>Reads the front's journal as it is now: one entry per SQL text a client sent.</summary>
    public IReadOnlyList<JournalEntry> ReadJournal()
        => File.Exists(JournalPath)
            ? ReadShared(JournalPath)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonSerializer.Deserialize<JournalEntry>(l)!)
                .ToList()
            : [];

    /// <summary>Stops the sandbox and deletes its files, unless this object only attached to it (<see cref="Attach"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_front is not null)
        {
            await StopAsync().ConfigureAwait(false);
        }
    }

    private string ConnectionString(int port, string password, string? applicationName)
        => new NpgsqlConnectionStringBuilder
        {
            Host = Host, Port = port, Database = Database, Username = Username, Password = password, SslMode = SslMode.Require,
            ApplicationName = applicationName,
        }.ConnectionString;

    private async Task<IReadOnlyList<IReadOnlyList<string?>>> RunPsqlAsync(
        int port, string password, string sql, CancellationToken cancellationToken)
    {
        var psql = PostgresBinaries.TryFind()?.Psql;
        if (psql is null || !File.Exists(psql))
        {
            throw new SandboxException(
                $"psql was not found beside the server programs ({psql ?? "none installed"}). Install it with "
                + $"'apt-get install -y postgresql-client postgresql'.");
        }

        var output = await SandboxProcess.RunAsync(
            psql, ["-X", "-q", "--csv", "-t", "-P", "null=" + PsqlCsv.NullMarker, "-v", "ON_ERROR_STOP=1", "-c", sql], cancellationToken,
            PsqlEnvironment(port, password)).ConfigureAwait(false);
        return PsqlCsv.Parse(output);
    }

    private Dictionary<string, string> PsqlEnvironment(int port, string password)
        => new()
        {
            ["PGHOST"] = Host,
            ["PGPORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["PGDATABASE"] = Database,
            ["PGUSER"] = Username,
            ["PGPASSWORD"] = password,
            ["PGSSLMODE"] = "require",
            ["PGGSSENCMODE"] = "disable",
            ["PGAPPNAME"] = "psql",
            ["PGTZ"] = "UTC",
        };

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string Secret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    // The backend an attached sandbox stops when its host did not: the host's container, or the server its pid file names.
    private static ISandboxBackend Attached(QueryServiceSandboxState state)
        => state.Backend == SandboxBackendKind.Container
            ? new ContainerSandboxBackend(QueryServiceSandboxOptions.DefaultContainerImage)
            : new LocalSandboxBackend(PostgresBinaries.Find());

    private static async Task StopAndDeleteAsync(ISandboxBackend backend, string instance, Process? watchdog)
    {
        try
        {
            await backend.StopAsync(instance).ConfigureAwait(false);
        }
        finally
        {
            if (watchdog is not null)
            {
                try
                {
                    watchdog.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }

                watchdog.Dispose();
            }

            if (Directory.Exists(instance))
            {
                Directory.Delete(instance, recursive: true);
            }
        }
    }
}
