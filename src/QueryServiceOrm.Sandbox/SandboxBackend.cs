using System.Globalization;
using System.Text;
using Npgsql;

namespace QueryServiceOrm.Sandbox;

/// <summary>
/// The PostgreSQL behind the front: initialised for one run, listening on a Unix socket in a folder only its own user can
/// enter (no TCP port at all), cleartext passwords on that socket, and two roles: the superuser the sandbox sets data up
/// with, and the role the front runs client sessions as, whose secret no client ever sees.
/// </summary>
internal static class SandboxBackend
{
    public const string AdminUser = "qsorm_admin";

    // The socket's name carries a port number even without TCP; nothing listens on it.
    public const int SocketPort = 5432;

    public static string SocketDirectory(string instance) => Path.Combine(instance, "socket");

    public static string SocketPath(string instance) => Path.Combine(SocketDirectory(instance), $".s.PGSQL.{SocketPort}");

    public static async Task InitializeAsync(PostgresBinaries binaries, string instance, string adminPassword, CancellationToken cancellationToken)
    {
        if (SocketPath(instance).Length > 100)
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

        // Only the socket, and only with a password: the front's role and the superuser are the only ones who know one.
        await File.WriteAllTextAsync(
            Path.Combine(data, "pg_hba.conf"),
            "# QueryServiceOrm sandbox: the front's backend, reachable only through its private socket\n" +
            "local all all password\n",
            cancellationToken).ConfigureAwait(false);

        await File.AppendAllTextAsync(Path.Combine(data, "postgresql.conf"), Configuration(instance), cancellationToken).ConfigureAwait(false);
        await SandboxProcess.GiveToServerUserAsync(instance, cancellationToken).ConfigureAwait(false);
    }

    public static async Task StartAsync(PostgresBinaries binaries, string instance, CancellationToken cancellationToken)
        => await SandboxProcess.RunAsServerUserAsync(
            binaries.PgCtl,
            ["start", "-w", "-t", "60", "-D", SandboxInstanceRegistry.DataDirectory(instance), "-l", SandboxInstanceRegistry.LogFile(instance)],
            cancellationToken).ConfigureAwait(false);

    /// <summary>Creates the front's role and the database, and grants it what the service lets a user do.</summary>
    public static async Task CreateUserAndDatabaseAsync(
        string instance, string adminPassword, string user, string userPassword, string database, CancellationToken cancellationToken)
    {
        await using (var connection = await OpenAdminAsync(instance, adminPassword, "postgres", cancellationToken).ConfigureAwait(false))
        {
            await ExecuteAsync(connection, $"CREATE ROLE {Identifier(user)} LOGIN PASSWORD {Literal(userPassword)}", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"CREATE DATABASE {Identifier(database)} ENCODING 'UTF8'", cancellationToken).ConfigureAwait(false);
        }

        await using var db = await OpenAdminAsync(instance, adminPassword, database, cancellationToken).ConfigureAwait(false);
        // Tables the sandbox makes (the datasets) belong to the superuser: the user reads and appends to them but may not drop
        // them, as on the service; tables the user makes are the user's.
        await ExecuteAsync(db, $"""
            GRANT CREATE, CONNECT, TEMPORARY ON DATABASE {Identifier(database)} TO {Identifier(user)};
            GRANT ALL ON SCHEMA public TO {Identifier(user)};
            ALTER DEFAULT PRIVILEGES FOR ROLE {AdminUser} GRANT SELECT, INSERT ON TABLES TO {Identifier(user)};
            """, cancellationToken).ConfigureAwait(false);
    }

    public static string AdminConnectionString(string instance, string adminPassword, string database)
        => new NpgsqlConnectionStringBuilder
        {
            Host = SocketDirectory(instance),
            Port = SocketPort,
            Database = database,
            Username = AdminUser,
            Password = adminPassword,
            SslMode = SslMode.Disable,
            Pooling = false,
            ApplicationName = "qsorm-sandbox-admin",
            // The superuser sets up data and reads the catalog for the front: keep its statements out of the log.
            Options = "-c log_statement=none",
        }.ConnectionString;

    public static async Task<NpgsqlConnection> OpenAdminAsync(string instance, string adminPassword, string database, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(AdminConnectionString(instance, adminPassword, database));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // standard_conforming_strings is on, so only the quote needs doubling.
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Configuration(string instance)
        => string.Create(CultureInfo.InvariantCulture, $"""

            # QueryServiceOrm sandbox
            listen_addresses = ''
            port = {SocketPort}
            unix_socket_directories = '{SocketDirectory(instance)}'
            unix_socket_permissions = 0700
            ssl = off
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
