using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Npgsql;
using QueryServiceOrm.Sandbox.Sql.Translation;
using QueryServiceOrm.Sandbox.Wire;

namespace QueryServiceOrm.Sandbox;

/// <summary>
/// The PostgreSQL behind the front, on either backend (<see cref="ISandboxBackend"/>): a loopback TLS port (the benchmark's and
/// the PostgreSQL-dialect tests' way in), password authentication, and three roles: the superuser the sandbox sets data up
/// with, the role the front runs client sessions as, whose secret no client of the front ever sees, and a read-only role for
/// catalog queries.
/// </summary>
internal static class SandboxBackend
{
    public const string AdminUser = "qsorm_admin";

    public const string CatalogUser = "qsorm_catalog";

    /// <summary>
    /// Settings both backends run with, whatever else each needs to listen: TLS, passwords stored as SCRAM, every statement
    /// logged with its client's application name (the tests read the log), UTC, and no durability (the server is thrown away).
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> Settings { get; } =
    [
        ("ssl", "on"),
        ("ssl_min_protocol_version", "TLSv1.2"),
        ("password_encryption", "scram-sha-256"),
        ("log_statement", "all"),
        ("log_connections", "on"),
        ("log_disconnections", "on"),
        ("log_line_prefix", "%m [%p] user=%u db=%d app=%a "),
        ("timezone", "UTC"),
        ("log_timezone", "UTC"),
        ("datestyle", "ISO, MDY"),
        ("max_connections", "200"),
        ("fsync", "off"),
        ("synchronous_commit", "off"),
        ("full_page_writes", "off"),
    ];

    public static ISandboxBackend Create(QueryServiceSandboxOptions options)
        => options.Backend switch
        {
            SandboxBackendKind.Local => new LocalSandboxBackend(PostgresBinaries.Find()),
            SandboxBackendKind.Container => new ContainerSandboxBackend(options.ContainerImage),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Backend, "Unknown sandbox backend."),
        };

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
            await ExecuteAsync(
                connection,
                $"CREATE ROLE {PgSql.Identifier(user)} LOGIN PASSWORD {PgSql.Literal(userPassword)}",
                cancellationToken).ConfigureAwait(false);
            // Sees the catalog, reads nothing, writes nothing: what psql's \d and SQLAlchemy's inspector run as.
            await ExecuteAsync(
                connection,
                $"CREATE ROLE {CatalogUser} LOGIN PASSWORD {PgSql.Literal(catalogPassword)}",
                cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(
                connection, $"ALTER ROLE {CatalogUser} SET default_transaction_read_only = on", cancellationToken).ConfigureAwait(false);
            // Owned by the user, as before the front: the PostgreSql-dialect tests drop and remake the sample tables' types
            // straight on the backend. Through the front, DROP of a table the user did not create is refused by the front.
            await ExecuteAsync(
                connection,
                $"CREATE DATABASE {PgSql.Identifier(database)} OWNER {PgSql.Identifier(user)} ENCODING 'UTF8'",
                cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// The superuser's connection (not pooled, its statements kept out of the log): through the private socket to a local
    /// backend, over TLS checked against the sandbox's own CA to a container.
    /// </summary>
    public static string AdminConnectionString(QueryServiceSandboxState state, string database)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Port = state.BackendPort,
            Database = database,
            Username = AdminUser,
            Password = state.AdminPassword,
            Pooling = false,
            ApplicationName = "qsorm-sandbox-admin",
            // The superuser sets up data and reads the catalog for the front: keep its statements out of the log.
            Options = "-c log_statement=none",
        };
        if (state.Backend == SandboxBackendKind.Container)
        {
            builder.Host = IPAddress.Loopback.ToString();
            builder.SslMode = SslMode.VerifyFull;
            builder.RootCertificate = Path.Combine(state.InstanceDirectory, SandboxCertificates.RootCertificateFile);
        }
        else
        {
            builder.Host = LocalSandboxBackend.SocketDirectory(state.InstanceDirectory);
            builder.SslMode = SslMode.Disable;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Where the front's sessions go: the private socket of a local backend, or a container's loopback port over TLS that
    /// must present <paramref name="certificate"/> (the port could be anyone's once the container is gone).
    /// </summary>
    public static BackendEndpoint FrontEndpoint(QueryServiceSandboxState state, X509Certificate2 certificate, string user, string password)
        => state.Backend == SandboxBackendKind.Container
            ? new BackendEndpoint(new IPEndPoint(IPAddress.Loopback, state.BackendPort), certificate, state.Database, user, password)
            : new BackendEndpoint(
                new UnixDomainSocketEndPoint(LocalSandboxBackend.SocketPath(state.InstanceDirectory, state.BackendPort)), null,
                state.Database, user, password);

    /// <summary>Whether the backend runs: a local one leaves its pid file, a container's port answers.</summary>
    public static bool IsRunning(QueryServiceSandboxState state)
    {
        if (state.Backend == SandboxBackendKind.Local)
        {
            return File.Exists(Path.Combine(SandboxInstanceRegistry.DataDirectory(state.InstanceDirectory), "postmaster.pid"));
        }

        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            client.ConnectAsync(IPAddress.Loopback, state.BackendPort, timeout.Token).AsTask().GetAwaiter().GetResult();
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

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
}
