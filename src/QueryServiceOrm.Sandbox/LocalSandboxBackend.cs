namespace QueryServiceOrm.Sandbox;

/// <summary>
/// The backend from this machine's server programs: initialised for one run, listening on a Unix socket in a folder only its
/// own user can enter (the front's way in) and on a loopback TLS port, password authentication on both.
/// </summary>
internal sealed class LocalSandboxBackend(PostgresBinaries binaries) : ISandboxBackend
{
    public SandboxBackendKind Kind => SandboxBackendKind.Local;

    public static string SocketDirectory(string instance) => Path.Combine(instance, "socket");

    public static string SocketPath(string instance, int port) => Path.Combine(SocketDirectory(instance), $".s.PGSQL.{port}");

    public async Task<int> StartAsync(string instance, string adminPassword, CancellationToken cancellationToken)
    {
        await InitializeAsync(instance, adminPassword, cancellationToken).ConfigureAwait(false);

        // A free port can be taken between the probe and the server's bind; try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            try
            {
                await SandboxProcess.RunAsServerUserAsync(
                    binaries.PgCtl,
                    [
                        "start", "-w", "-t", "60", "-D", SandboxInstanceRegistry.DataDirectory(instance), "-l",
                        SandboxInstanceRegistry.LogFile(instance), "-o", $"-p {port}"],
                    cancellationToken).ConfigureAwait(false);
                return port;
            }
            catch (SandboxException e) when (attempt < 3)
            {
                System.Diagnostics.Trace.WriteLine($"Sandbox start on port {port} failed, retrying: {e.Message}");
            }
        }
    }

    public Task StopAsync(string instance)
        => SandboxInstanceRegistry.StopServerAsync(binaries, instance, "fast", 30, CancellationToken.None);

    private async Task InitializeAsync(string instance, string adminPassword, CancellationToken cancellationToken)
    {
        if (SocketPath(instance, ushort.MaxValue).Length > 100)
        {
            throw new SandboxException(
                $"The sandbox folder {instance} is too deep for a Unix socket path; set TMPDIR to a shorter folder.");
        }

        var passwordFile = Path.Combine(instance, "admin.pw");
        await using (var file = new FileStream(passwordFile, new FileStreamOptions
                     {
                         Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead
                             | UnixFileMode.UserWrite,
                     }))
        {
            await file.WriteAsync(Encoding.UTF8.GetBytes(adminPassword), cancellationToken).ConfigureAwait(false);
        }

        Directory.CreateDirectory(SocketDirectory(instance), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(SandboxInstanceRegistry.LogDirectory(instance));
        await SandboxProcess.GiveToServerUserAsync(instance, cancellationToken).ConfigureAwait(false);

        var data = SandboxInstanceRegistry.DataDirectory(instance);
        await SandboxProcess.RunAsServerUserAsync(
            binaries.InitDb,
            [
                "-D", data, "-U", SandboxBackend.AdminUser, $"--pwfile={passwordFile}", "--auth=password", "-E", "UTF8", "--no-locale",
                "--no-sync"],
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

        await File.AppendAllTextAsync(
            Path.Combine(data, "postgresql.conf"), Configuration(instance), cancellationToken).ConfigureAwait(false);
        await SandboxProcess.GiveToServerUserAsync(instance, cancellationToken).ConfigureAwait(false);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Configuration(string instance)
    {
        (string Name, string Value)[] settings =
        [
            ("listen_addresses", "127.0.0.1"),
            ("unix_socket_directories", SocketDirectory(instance)),
            ("unix_socket_permissions", "0700"),
            ("ssl_cert_file", SandboxCertificates.ServerCertificateFile),
            ("ssl_key_file", SandboxCertificates.ServerKeyFile),
            ("log_destination", "stderr"),
            ("logging_collector", "off"),
            .. SandboxBackend.Settings,
        ];
        var text = new StringBuilder("\n# QueryServiceOrm sandbox\n");
        foreach (var (name, value) in settings)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{name} = '{value.Replace("'", "''", StringComparison.Ordinal)}'");
        }

        return text.ToString();
    }
}
