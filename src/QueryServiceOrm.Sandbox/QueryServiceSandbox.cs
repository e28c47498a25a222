using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Sandbox;

/// <summary>
/// A throwaway PostgreSQL server that looks like Query Service wherever PostgreSQL can: listening on
/// 127.0.0.1 only, TLS only (hostssl, with a certificate made for this run), cleartext-password
/// authentication, user <c>ORGID@AdobeOrg</c> and database <c>prod:all</c>. Disposing it stops the server and
/// deletes its files; if the owning process dies first, a watchdog (or the next sandbox) does.
/// </summary>
public sealed class QueryServiceSandbox : IAsyncDisposable
{
    private const string AdminUser = "qsorm_admin";

    private readonly PostgresBinaries _binaries;
    private readonly string _adminPassword;
    private readonly Process? _watchdog;
    private readonly bool _owned;
    private int _disposed;

    private QueryServiceSandbox(
        PostgresBinaries binaries, string instanceDirectory, int port, string organizationId, string password,
        string database, string adminPassword, Process? watchdog, bool owned = true)
    {
        _owned = owned;
        _binaries = binaries;
        InstanceDirectory = instanceDirectory;
        Port = port;
        OrganizationId = organizationId;
        Password = password;
        Database = database;
        _adminPassword = adminPassword;
        _watchdog = watchdog;
    }

    /// <summary>Always the loopback address: the sandbox never listens anywhere else.</summary>
    public string Host => "127.0.0.1";

    /// <summary>The TCP port, picked free at start.</summary>
    public int Port { get; }

    /// <summary>The database, <c>prod:all</c> unless configured otherwise.</summary>
    public string Database { get; }

    /// <summary>The organisation id.</summary>
    public string OrganizationId { get; }

    /// <summary>The user name, <c>ORGID@AdobeOrg</c>.</summary>
    public string Username => OrganizationId + "@AdobeOrg";

    /// <summary>The password the server accepts now (see <see cref="RotatePasswordAsync"/>).</summary>
    public string Password { get; private set; }

    /// <summary>The folder holding the data directory, certificates and log.</summary>
    public string InstanceDirectory { get; }

    /// <summary>The PEM file of the certificate authority that signed the server certificate (for VerifyCA/VerifyFull).</summary>
    public string RootCertificatePath => Path.Combine(InstanceDirectory, SandboxCertificates.RootCertificateFile);

    /// <summary>The server log: every statement and connection of the Query Service user is recorded there.</summary>
    public string ServerLogPath => SandboxInstanceRegistry.LogFile(InstanceDirectory);

    /// <summary>Starts a new sandbox server.</summary>
    /// <param name="options">Set-up options; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="SandboxException">The PostgreSQL programs are missing or the server would not start.</exception>
    public static async Task<QueryServiceSandbox> StartAsync(QueryServiceSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new QueryServiceSandboxOptions();
        var binaries = PostgresBinaries.Find();
        await SandboxInstanceRegistry.SweepOrphansAsync(binaries, cancellationToken).ConfigureAwait(false);

        var instance = SandboxInstanceRegistry.CreateInstanceDirectory(Environment.ProcessId);
        Process? watchdog = null;
        try
        {
            if (options.StopWithOwner)
            {
                watchdog = SandboxInstanceRegistry.StartWatchdog(instance, binaries, Environment.ProcessId);
            }

            var adminPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
            await InitializeAsync(binaries, instance, adminPassword, cancellationToken).ConfigureAwait(false);
            var port = await StartServerAsync(binaries, instance, cancellationToken).ConfigureAwait(false);
            if (!options.StopWithOwner)
            {
                // A sandbox that outlives this process belongs to its own server: it is an orphan once the server is gone.
                SandboxInstanceRegistry.WriteOwner(instance, ReadPostmasterProcessId(instance));
            }

            var sandbox = new QueryServiceSandbox(
                binaries, instance, port,
                options.OrganizationId ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(12)),
                options.Password ?? SandboxTokens.NewToken(),
                options.Database, adminPassword, watchdog);
            await sandbox.CreateUserAndDatabaseAsync(cancellationToken).ConfigureAwait(false);
            return sandbox;
        }
        catch
        {
            await StopAndDeleteAsync(binaries, instance, watchdog).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>What another process needs to reach this sandbox again (<see cref="Attach"/>); it holds the passwords.</summary>
    public QueryServiceSandboxState State => new(InstanceDirectory, Port, OrganizationId, Password, Database, _adminPassword);

    /// <summary>Whether the server is up (its postmaster.pid exists).</summary>
    public bool IsRunning => File.Exists(Path.Combine(SandboxInstanceRegistry.DataDirectory(InstanceDirectory), "postmaster.pid"));

    /// <summary>
    /// Reaches a sandbox started elsewhere with <see cref="QueryServiceSandboxOptions.StopWithOwner"/> off. Disposing the
    /// result leaves the server running; <see cref="StopAsync"/> stops it and deletes its files.
    /// </summary>
    /// <param name="state">The state the starting process saved.</param>
    public static QueryServiceSandbox Attach(QueryServiceSandboxState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new QueryServiceSandbox(
            PostgresBinaries.Find(), state.InstanceDirectory, state.Port, state.OrganizationId, state.Password, state.Database, state.AdminPassword, watchdog: null, owned: false);
    }

    /// <summary>Stops the server and deletes its files, whoever started it.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await StopAndDeleteAsync(_binaries, InstanceDirectory, _watchdog).ConfigureAwait(false);
        }
    }

    /// <summary>Credentials for this sandbox, as an application would hold them.</summary>
    /// <param name="dialect">PostgreSql to run queries here; QueryService to produce the service's SQL.</param>
    /// <param name="sslMode">Require by default; VerifyFull checks the certificate against <see cref="RootCertificatePath"/>.</param>
    public QueryServiceCredentials Credentials(QueryServiceDialect dialect = QueryServiceDialect.PostgreSql, SslMode sslMode = SslMode.Require)
        => new QueryServiceCredentials
        {
            Host = Host,
            Port = Port,
            Database = Database,
            Username = Username,
            Password = Password,
            SslMode = sslMode,
            RootCertificate = sslMode is SslMode.VerifyCA or SslMode.VerifyFull ? RootCertificatePath : null,
            Dialect = dialect,
        }.Validate();

    /// <summary>
    /// A plain Npgsql connection string to this sandbox as the Query Service user over TLS, for the clients that bypass
    /// the library (peers in benchmarks, EF's scaffolder, a plain Npgsql EF Core context).
    /// </summary>
    /// <param name="applicationName">The application name the server log shows, if any.</param>
    public string ConnectionString(string? applicationName = null)
        => new NpgsqlConnectionStringBuilder
        {
            Host = Host, Port = Port, Database = Database, Username = Username, Password = Password, SslMode = SslMode.Require, ApplicationName = applicationName,
        }.ConnectionString;

    /// <summary>The <c>QueryService__*</c> environment variables that describe this sandbox.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables()
        => new Dictionary<string, string>
        {
            [QueryServiceCredentialKeys.EnvironmentVariable(QueryServiceCredentialKeys.Host)] = Host,
            [QueryServiceCredentialKeys.EnvironmentVariable(QueryServiceCredentialKeys.Port)] = Port.ToString(CultureInfo.InvariantCulture),
            [QueryServiceCredentialKeys.EnvironmentVariable(QueryServiceCredentialKeys.Database)] = Database,
            [QueryServiceCredentialKeys.EnvironmentVariable(QueryServiceCredentialKeys.Username)] = Username,
            [QueryServiceCredentialKeys.EnvironmentVariable(QueryServiceCredentialKeys.Password)] = Password,
            [QueryServiceCredentialKeys.EnvironmentVariable(QueryServiceCredentialKeys.SslMode)] = "Require",
            [QueryServiceCredentialKeys.EnvironmentVariable(QueryServiceCredentialKeys.Dialect)] = nameof(QueryServiceDialect.PostgreSql),
        };

    /// <summary>
    /// Makes the server accept only <paramref name="newPassword"/> from now on, as when a token is replaced.
    /// Sessions already open stay open, as they would on the service.
    /// </summary>
    /// <param name="newPassword">The new password; a fresh token-like one when null.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The password now accepted.</returns>
    public async Task<string> RotatePasswordAsync(string? newPassword = null, CancellationToken cancellationToken = default)
    {
        newPassword ??= SandboxTokens.NewToken();
        await ExecuteAdminAsync($"ALTER ROLE {Identifier(Username)} PASSWORD {Literal(newPassword)}", cancellationToken).ConfigureAwait(false);
        Password = newPassword;
        return newPassword;
    }

    /// <summary>Runs a statement as the sandbox's superuser in <see cref="Database"/> (not logged, not counted as the user's).</summary>
    /// <param name="sql">The statement.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    public async Task ExecuteAdminAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAdminConnectionAsync(Database, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a superuser connection (TLS, not pooled, statements not logged) for setting up test data.</summary>
    /// <param name="database">The database to connect to.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    public async Task<NpgsqlConnection> OpenAdminConnectionAsync(string? database = null, CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(AdminConnectionString(Port, _adminPassword, database ?? Database));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>
    /// Runs SQL through psql as the Query Service user (TLS, like any client) and returns the rows, each value as psql
    /// prints it and null for SQL NULL: the independent reference the LINQ tests compare with.
    /// </summary>
    /// <param name="sql">One statement.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <exception cref="SandboxException">psql is missing or the statement failed.</exception>
    public async Task<IReadOnlyList<IReadOnlyList<string?>>> PsqlAsync(string sql, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(_binaries.Psql))
        {
            throw new SandboxException($"psql was not found beside the server programs ({_binaries.Psql}). Install it with 'apt-get install -y postgresql-client'.");
        }

        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = Host,
            ["PGPORT"] = Port.ToString(CultureInfo.InvariantCulture),
            ["PGDATABASE"] = Database,
            ["PGUSER"] = Username,
            ["PGPASSWORD"] = Password,
            ["PGSSLMODE"] = "require",
            ["PGGSSENCMODE"] = "disable",
            ["PGAPPNAME"] = "psql",
            ["PGTZ"] = "UTC",
        };
        var output = await SandboxProcess.RunAsync(
            _binaries.Psql, ["-X", "-q", "--csv", "-t", "-P", "null=" + PsqlCsv.NullMarker, "-v", "ON_ERROR_STOP=1", "-c", sql], cancellationToken, environment)
            .ConfigureAwait(false);
        return PsqlCsv.Parse(output);
    }

    /// <summary>Reads the server log as it is now.</summary>
    public string ReadServerLog()
    {
        using var stream = new FileStream(ServerLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Stops the server and deletes its files, unless this object only attached to it (<see cref="Attach"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_owned)
        {
            await StopAsync().ConfigureAwait(false);
        }
    }

    private static async Task InitializeAsync(PostgresBinaries binaries, string instance, string adminPassword, CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(instance, "admin.pw");
        await using (var file = new FileStream(passwordFile, new FileStreamOptions
                     {
                         Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                     }))
        {
            await file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(adminPassword), cancellationToken).ConfigureAwait(false);
        }

        await SandboxProcess.GiveToServerUserAsync(instance, cancellationToken).ConfigureAwait(false);

        var data = SandboxInstanceRegistry.DataDirectory(instance);
        await SandboxProcess.RunAsServerUserAsync(
            binaries.InitDb,
            ["-D", data, "-U", AdminUser, $"--pwfile={passwordFile}", "--auth=password", "-E", "UTF8", "--no-locale", "--no-sync"],
            cancellationToken).ConfigureAwait(false);
        File.Delete(passwordFile);

        SandboxCertificates.Write(data, instance);

        // Only TLS connections from loopback, authenticated by cleartext password as on the service; no socket, no trust.
        await File.WriteAllTextAsync(
            Path.Combine(data, "pg_hba.conf"),
            "# QueryServiceOrm sandbox: TLS only, cleartext password like Query Service\n" +
            "hostssl all all 127.0.0.1/32 password\n",
            cancellationToken).ConfigureAwait(false);

        await File.AppendAllTextAsync(
            Path.Combine(data, "postgresql.conf"),
            """

            # QueryServiceOrm sandbox
            listen_addresses = '127.0.0.1'
            unix_socket_directories = ''
            ssl = on
            ssl_cert_file = 'server.crt'
            ssl_key_file = 'server.key'
            ssl_min_protocol_version = 'TLSv1.2'
            password_encryption = 'scram-sha-256'
            log_destination = 'stderr'
            logging_collector = off
            log_statement = 'all'
            log_connections = on
            log_line_prefix = '%m [%p] user=%u db=%d app=%a '
            timezone = 'UTC'
            log_timezone = 'UTC'
            max_connections = 100
            fsync = off
            synchronous_commit = off
            full_page_writes = off

            """,
            cancellationToken).ConfigureAwait(false);
        await SandboxProcess.GiveToServerUserAsync(instance, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> StartServerAsync(PostgresBinaries binaries, string instance, CancellationToken cancellationToken)
    {
        // A free port can be taken between the probe and the server's bind; try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            try
            {
                await SandboxProcess.RunAsServerUserAsync(
                    binaries.PgCtl,
                    ["start", "-w", "-t", "60", "-D", SandboxInstanceRegistry.DataDirectory(instance), "-l", SandboxInstanceRegistry.LogFile(instance), "-o", $"-p {port}"],
                    cancellationToken).ConfigureAwait(false);
                return port;
            }
            catch (SandboxException e) when (attempt < 3)
            {
                Trace.WriteLine($"Sandbox start on port {port} failed, retrying: {e.Message}");
            }
        }
    }

    private async Task CreateUserAndDatabaseAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await OpenAdminConnectionAsync("postgres", cancellationToken).ConfigureAwait(false))
        {
            foreach (var sql in new[]
                     {
                         $"CREATE ROLE {Identifier(Username)} LOGIN PASSWORD {Literal(Password)}",
                         $"CREATE DATABASE {Identifier(Database)} OWNER {Identifier(Username)} ENCODING 'UTF8'",
                     })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task StopAndDeleteAsync(PostgresBinaries binaries, string instance, Process? watchdog)
    {
        try
        {
            await SandboxInstanceRegistry.StopServerAsync(binaries, instance, "fast", 30, CancellationToken.None).ConfigureAwait(false);
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

    internal static int ReadPostmasterProcessId(string instance)
        => int.Parse(File.ReadLines(Path.Combine(SandboxInstanceRegistry.DataDirectory(instance), "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    private static string AdminConnectionString(int port, string adminPassword, string database)
        => new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Database = database,
            Username = AdminUser,
            Password = adminPassword,
            SslMode = SslMode.Require,
            Pooling = false,
            ApplicationName = "qsorm-sandbox-admin",
            // The superuser sets passwords: keep its statements out of the log.
            Options = "-c log_statement=none",
        }.ConnectionString;

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // standard_conforming_strings is on, so only the quote needs doubling.
    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
