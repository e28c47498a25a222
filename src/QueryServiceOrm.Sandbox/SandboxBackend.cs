using System.Globalization;
using System.Text;
using Npgsql;
using QueryServiceOrm.Sandbox.Sql.Translation;

namespace QueryServiceOrm.Sandbox;

/// <summary>
/// The PostgreSQL behind the front: initialised for one run, listening on a Unix socket in a folder only its own user can
/// enter (the front's way in) and on a loopback TLS port (the benchmark's and the PostgreSQL-dialect tests' way in), password
/// authentication on both, and three roles: the superuser the sandbox sets data up with, the role the front runs client
/// sessions as, whose secret no client of the front ever sees, and a read-only role for catalog queries.
/// </summary>
internal static class SandboxBackend
{
    public const string AdminUser = "qsorm_admin";

    public const string CatalogUser = "qsorm_catalog";

    public static string SocketDirectory(string instance) => Path.Combine(instance, "socket");

    public static string SocketPath(string instance, int port) => Path.Combine(SocketDirectory(instance), $".s.PGSQL.{port}");

    public static async Task InitializeAsync(PostgresBinaries binaries, string instance, string adminPassword, CancellationToken cancellationToken)
    {
        if (SocketPath(instance, ushort.MaxValue).Length > 100)
        {
            throw new SandboxException($"The sandbox folder {instance} is too deep for a Unix socket path; set TMPDIR to a shorter folder.");
        }

        var passwordFile = Path.Combine(instance, "admin.pw");
        await using (var file = new FileStream(passwordFile, new FileStreamOptions
                     {
                         Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                     }))
        {
            await file.WriteAsync(Encoding.UTF8.GetBytes(adminPassword), cancellationToken).ConfigureAwait(false);
        }

        Directory.CreateDirectory(SocketDirectory(instance), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await SandboxProcess.GiveToServerUserAsync(instance, cancellationToken).ConfigureAwait(false);

        var data = SandboxInstanceRegistry.DataDirectory(instance);
        await SandboxProcess.RunAsServerUserAsync(
            binaries.InitDb,
            ["-D", data, "-U", AdminUser, $"--pwfile={passwordFile}", "--auth=password", "-E", "UTF8", "--no-locale", "--no-sync"],
            cancellationToken).ConfigureAwait(false);
        File.Delete(passwordFile);
        SandboxCertificates.Write(data, instance);

        // Passwords only, and only the sandbox's own roles know one: no client of the front learns them.
        await File.WriteAllTextAsync(
            Path.Combine(data, "pg_hba.conf"),
            "# QueryServiceOrm sandbox: the front's backend, reachable through its private socket or TLS on loopback\n" +
            "local all all password\n" +
            "hostssl all all 127.0.0.1/32 password\n",
            cancellationToken).ConfigureAwait(false);

        await File.AppendAllTextAsync(Path.Combine(data, "postgresql.conf"), Configuration(instance), cancellationToken).ConfigureAwait(false);
        await SandboxProcess.GiveToServerUserAsync(instance, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts the server on a free loopback port and returns the port (the socket's name carries it too).</summary>
    public static async Task<int> StartAsync(PostgresBinaries binaries, string instance, CancellationToken cancellationToken)
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
                System.Diagnostics.Trace.WriteLine($"Sandbox start on port {port} failed, retrying: {e.Message}");
            }
        }
    }

    /// <summary>
    /// Creates the front's role, the catalog role and the database, grants the user what the service lets a user do, and
    /// installs the front's run-time library and catalog triggers.
    /// </summary>
    public static async Task CreateUserAndDatabaseAsync(
        string connectionString, string user, string userPassword, string catalogPassword, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database!;
        builder.Database = "postgres";
        await using (var connection = await OpenAsync(builder.ConnectionString, cancellationToken).ConfigureAwait(false))
        {
            await ExecuteAsync(connection, $"CREATE ROLE {PgSql.Identifier(user)} LOGIN PASSWORD {PgSql.Literal(userPassword)}", cancellationToken).ConfigureAwait(false);
            // Sees the catalog, reads nothing, writes nothing: what psql's \d and SQLAlchemy's inspector run as.
            await ExecuteAsync(connection, $"CREATE ROLE {CatalogUser} LOGIN PASSWORD {PgSql.Literal(catalogPassword)}", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"ALTER ROLE {CatalogUser} SET default_transaction_read_only = on", cancellationToken).ConfigureAwait(false);
            // Owned by the user, as before the front: the PostgreSql-dialect tests drop and remake the sample tables' types
            // straight on the backend. Through the front, DROP of a table the user did not create is refused by the front.
            await ExecuteAsync(connection, $"CREATE DATABASE {PgSql.Identifier(database)} OWNER {PgSql.Identifier(user)} ENCODING 'UTF8'", cancellationToken).ConfigureAwait(false);
        }

        await using var db = await OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(db, RuntimeSql(), cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(db, Catalog.BackendCatalog.SetupSql(user), cancellationToken).ConfigureAwait(false);
        // Tables the sandbox makes (the datasets) belong to the superuser: the user reads and appends to them but may not drop
        // them, as on the service; tables the user makes are the user's.
        await ExecuteAsync(db, $"""
            GRANT CREATE, CONNECT, TEMPORARY ON DATABASE {PgSql.Identifier(database)} TO {PgSql.Identifier(user)};
            GRANT ALL ON SCHEMA public TO {PgSql.Identifier(user)};
            ALTER DEFAULT PRIVILEGES FOR ROLE {AdminUser} GRANT SELECT, INSERT ON TABLES TO {PgSql.Identifier(user)};
            GRANT USAGE ON SCHEMA {PgSql.Runtime} TO {PgSql.Identifier(user)};
            GRANT CONNECT ON DATABASE {PgSql.Identifier(database)} TO {CatalogUser};
            """, cancellationToken).ConfigureAwait(false);
    }

    public static string AdminConnectionString(string instance, int port, string adminPassword, string database)
        => new NpgsqlConnectionStringBuilder
        {
            Host = SocketDirectory(instance),
            Port = port,
            Database = database,
            Username = AdminUser,
            Password = adminPassword,
            SslMode = SslMode.Disable,
            Pooling = false,
            ApplicationName = "qsorm-sandbox-admin",
            // The superuser sets up data and reads the catalog for the front: keep its statements out of the log.
            Options = "-c log_statement=none",
        }.ConnectionString;

    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string RuntimeSql()
    {
        using var stream = typeof(SandboxBackend).Assembly.GetManifestResourceStream("QueryServiceOrm.Sandbox.Runtime.sql")
                           ?? throw new InvalidOperationException("The front's run-time library is missing from the sandbox assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Configuration(string instance)
        => string.Create(CultureInfo.InvariantCulture, $"""

            # QueryServiceOrm sandbox
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{SocketDirectory(instance)}'
            unix_socket_permissions = 0700
            ssl = on
            ssl_cert_file = '{SandboxCertificates.ServerCertificateFile}'
            ssl_key_file = '{SandboxCertificates.ServerKeyFile}'
            ssl_min_protocol_version = 'TLSv1.2'
            password_encryption = 'scram-sha-256'
            log_destination = 'stderr'
            logging_collector = off
            log_statement = 'all'
            log_connections = on
            log_disconnections = on
            log_line_prefix = '%m [%p] user=%u db=%d app=%a '
            timezone = 'UTC'
            log_timezone = 'UTC'
            datestyle = 'ISO, MDY'
            max_connections = 200
            fsync = off
            synchronous_commit = off
            full_page_writes = off

            """);
}
