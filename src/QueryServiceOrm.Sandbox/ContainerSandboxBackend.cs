using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using Testcontainers.PostgreSql;

namespace QueryServiceOrm.Sandbox;

/// <summary>
/// The backend in a container through Testcontainers.PostgreSql: the image's own initialisation with the sandbox's superuser,
/// then the same settings as a local backend on postgres's command line, the sandbox's certificate and key and a pg_hba.conf
/// that takes passwords over TLS only copied in, the log written through a bind mount into the instance folder, and port
/// 5432 published on 127.0.0.1 alone. Docker's API, not this class, decides which engine: DOCKER_HOST or the default socket.
/// </summary>
internal sealed class ContainerSandboxBackend(string image) : ISandboxBackend
{
    private const string ConfigDirectory = "/etc/qsorm";
    private const string LogDirectory = "/var/log/qsorm";

    // The official image's postgres user; the key must be that user's and private to it, or the server refuses it.
    private const uint PostgresUid = 999;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private PostgreSqlContainer? _container;

    public SandboxBackendKind Kind => SandboxBackendKind.Container;

    public async Task<int> StartAsync(string instance, string adminPassword, CancellationToken cancellationToken)
    {
        var data = SandboxInstanceRegistry.DataDirectory(instance);
        Directory.CreateDirectory(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        SandboxCertificates.Write(data, instance);
        await PrepareLogDirectoryAsync(instance, cancellationToken).ConfigureAwait(false);

        var container = Build(instance, adminPassword);
        _container = container;
        // Written as soon as the engine knows it, so that the watchdog and the next sweep can remove it if this process dies.
        container.Created += (_, _) => File.WriteAllText(SandboxInstanceRegistry.ContainerFile(instance), container.Id);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        await container.StartAsync(timeout.Token).ConfigureAwait(false);
        return container.GetMappedPublicPort(PostgreSqlBuilder.PostgreSqlPort);
    }

    public async Task StopAsync(string instance)
    {
        if (_container is { } container)
        {
            _container = null;
            // Disposing stops and removes the container (Testcontainers' reaper may be off, so nothing else would); the
            // container file goes with the instance folder, which the watchdog or a sweep may have removed already.
            await container.DisposeAsync().AsTask().WaitAsync(StopTimeout).ConfigureAwait(false);
        }
        else
        {
            SandboxInstanceRegistry.RemoveLeftoverContainer(instance);
        }
    }

    private PostgreSqlContainer Build(string instance, string adminPassword)
    {
        var data = SandboxInstanceRegistry.DataDirectory(instance);
        PostgreSqlBuilder builder = new PostgreSqlBuilder(image)
            .WithUsername(SandboxBackend.AdminUser)
            .WithPassword(adminPassword)
            // The sandbox creates its database itself, owned by the user's role, as on a local backend.
            .WithDatabase("postgres")
            // As a local backend's initdb: the C collation (Spark compares strings by code point) and no fsync of a throwaway.
            .WithEnvironment("POSTGRES_INITDB_ARGS", "--encoding=UTF8 --no-locale --no-sync")
            .WithResourceMapping(
                ReadFile(data, SandboxCertificates.ServerCertificateFile),
                FilePath.Of(InContainer(SandboxCertificates.ServerCertificateFile)), PostgresUid, PostgresUid, Unix.FileMode644)
            .WithResourceMapping(
                ReadFile(data, SandboxCertificates.ServerKeyFile), FilePath.Of(InContainer(SandboxCertificates.ServerKeyFile)), PostgresUid,
                PostgresUid, Unix.FileMode600)
            .WithResourceMapping(
                ("# QueryServiceOrm sandbox: the front's backend, reachable with TLS through the port published on loopback\n"u8
                    + "local all all password\nhostssl all all all password\n"u8).ToArray(),
                FilePath.Of(InContainer("pg_hba.conf")), PostgresUid, PostgresUid, Unix.FileMode644)
            .WithBindMount(SandboxInstanceRegistry.LogDirectory(instance), LogDirectory)
            .WithLabel("org.queryserviceorm.sandbox", instance)
            // Published on 127.0.0.1 only, whatever the engine's default address (0.0.0.0 unless dockerd runs with --ip).
            .WithCreateParameterModifier(parameters =>
            {
                parameters.HostConfig ??= new HostConfig();
                parameters.HostConfig.PortBindings = new Dictionary<string, IList<PortBinding>>
                {
                    [$"{PostgreSqlBuilder.PostgreSqlPort}/tcp"] = [new PortBinding { HostIP = "127.0.0.1", HostPort = "" }],
                };
            });
        foreach (var (name, value) in Settings())
        {
            builder = builder.WithCommand("-c", $"{name}={value}");
        }

        try
        {
            return builder.Build();
        }
        catch (DockerUnavailableException e)
        {
            throw new SandboxException(
                $"The sandbox's container backend needs a Docker engine, and Testcontainers found none. {e.Message.TrimEnd()}\n" +
                "Start Docker (or set DOCKER_HOST to the engine's socket), or start the sandbox without the container option to run " +
                "PostgreSQL from this machine's server programs.",
                e);
        }
    }

    private static IEnumerable<(string Name, string Value)> Settings()
        =>
        [
            ("listen_addresses", "*"),
            ("ssl_cert_file", InContainer(SandboxCertificates.ServerCertificateFile)),
            ("ssl_key_file", InContainer(SandboxCertificates.ServerKeyFile)),
            ("hba_file", InContainer("pg_hba.conf")),
            // The log goes to a file the host reads (instance/log/server.log), as a local backend's does.
            ("logging_collector", "on"),
            ("log_directory", LogDirectory),
            ("log_filename", Path.GetFileName(SandboxInstanceRegistry.LogFile(""))),
            ("log_file_mode", "0644"),
            ("log_rotation_age", "0"),
            ("log_rotation_size", "0"),
            .. SandboxBackend.Settings,
        ];

    // The container's postgres user writes the log into the bind-mounted folder: give it the folder when this process is root,
    // else let anyone write into it (not list it); the file is created readable by the host's user either way.
    private static async Task PrepareLogDirectoryAsync(string instance, CancellationToken cancellationToken)
    {
        var logs = SandboxInstanceRegistry.LogDirectory(instance);
        if (SandboxProcess.IsRoot)
        {
            Directory.CreateDirectory(logs, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            await SandboxProcess.RunAsync("chown", [$"{PostgresUid}:{PostgresUid}", logs], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            Directory.CreateDirectory(logs);
            File.SetUnixFileMode(
                logs,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        }
    }

    private static string InContainer(string file) => $"{ConfigDirectory}/{file}";

    private static byte[] ReadFile(string directory, string file) => File.ReadAllBytes(Path.Combine(directory, file));
}
