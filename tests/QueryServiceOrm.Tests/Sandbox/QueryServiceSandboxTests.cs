using System.Diagnostics;
using System.Net.Sockets;

namespace QueryServiceOrm.Tests.Sandbox;

public sealed class QueryServiceSandboxTests
{
    [Test]
    public async Task Its_backend_takes_passwords_only_on_its_private_socket_and_tls_on_loopback()
    {
        var sandbox = await SharedSandbox.GetAsync();
        var hba = (await File.ReadAllLinesAsync(Path.Combine(sandbox.InstanceDirectory, "data", "pg_hba.conf")))
            .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).ToList();

        await using var admin = await sandbox.OpenAdminConnectionAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(hba, Is.EqualTo(new[] { "local all all password", "hostssl all all 127.0.0.1/32 password" }));
            Assert.That(await Scalar(admin, "SELECT string_agg(DISTINCT auth_method, ',') FROM pg_hba_file_rules"), Is.EqualTo("password"));
            Assert.That(await Scalar(admin, "SHOW listen_addresses"), Is.EqualTo("127.0.0.1"));
            Assert.That(await Scalar(admin, "SHOW unix_socket_directories"), Is.EqualTo(Path.Combine(sandbox.InstanceDirectory, "socket")));
            Assert.That(await Scalar(admin, "SHOW unix_socket_permissions"), Is.EqualTo("0700"));
            Assert.That(await Scalar(admin, "SHOW ssl"), Is.EqualTo("on"));
            Assert.That(sandbox.Host, Is.EqualTo("127.0.0.1"));
        });
    }

    [Test]
    public async Task User_database_and_password_look_like_the_service()
    {
        var sandbox = await SharedSandbox.GetAsync();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = sandbox.Host, Port = sandbox.Port, Database = sandbox.Database, Username = sandbox.Username,
            Password = sandbox.Password, SslMode = SslMode.Require, Pooling = false, ApplicationName = "shape-check",
        }.ConnectionString);
        await connection.OpenAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(sandbox.Username, Does.Match("^[0-9A-F]{24}@AdobeOrg$"));
            Assert.That(sandbox.Database, Is.EqualTo("prod:all"));
            Assert.That(sandbox.Password, Has.Length.EqualTo(1200));
            foreach (var c in "@:/?#%'\"\\ ")
            {
                Assert.That(sandbox.Password, Does.Contain(c.ToString()), $"the password contains {c}");
            }

            Assert.That(await Scalar(connection, "SHOW server_version"), Is.EqualTo("0.1.0"));
            Assert.That(
                sandbox.ReadServerLog().Split('\n'),
                Has.Some.EndsWith($"connection authorized: user={sandbox.Username} database=prod:all application_name=shape-check"),
                "the front's session on the backend carries the client's application name");
        });
    }

    [Test]
    public async Task Rotating_the_password_refuses_the_old_one()
    {
        var sandbox = await SharedSandbox.GetAsync();
        var old = sandbox.Password;
        try
        {
            var rotated = await sandbox.RotatePasswordAsync();
            Assert.Multiple(async () =>
            {
                Assert.That(rotated, Is.Not.EqualTo(old));
                Assert.That(sandbox.Password, Is.EqualTo(rotated));
                Assert.That(await CanLogInAsync(sandbox, rotated), Is.Null);
                Assert.That(await CanLogInAsync(sandbox, old), Is.EqualTo(PostgresErrorCodes.InvalidPassword));
            });
        }
        finally
        {
            await sandbox.RotatePasswordAsync(old);
        }
    }

    [TestCase(SandboxBackendKind.Local)]
    [TestCase(SandboxBackendKind.Container, Category = "Container")]
    public async Task Disposing_stops_the_server_and_deletes_its_files(SandboxBackendKind backend)
    {
        var sandbox = await QueryServiceSandbox.StartAsync(SharedSandbox.Options(backend));
        var directory = sandbox.InstanceDirectory;
        var port = sandbox.Port;
        var backendPort = sandbox.State.BackendPort;
        Assert.That(IsListening(port) && IsListening(backendPort), Is.True);

        await sandbox.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Directory.Exists(directory), Is.False);
            Assert.That(IsListening(port), Is.False);
            Assert.That(IsListening(backendPort), Is.False, "the backend server (or its container) is gone");
        });
    }

    [TestCase(SandboxBackendKind.Local)]
    [TestCase(SandboxBackendKind.Container, Category = "Container")]
    public async Task A_sandbox_whose_owner_died_is_removed_by_the_next_start(SandboxBackendKind backend)
    {
        var orphan = await QueryServiceSandbox.StartAsync(SharedSandbox.Options(backend));
        using (var gone = Process.Start("true")!)
        {
            await gone.WaitForExitAsync();
            SandboxInstanceRegistry.WriteOwner(orphan.InstanceDirectory, gone.Id);
        }

        await using (await QueryServiceSandbox.StartAsync(SharedSandbox.Options(backend)))
        {
            Assert.Multiple(() =>
            {
                Assert.That(Directory.Exists(orphan.InstanceDirectory), Is.False);
                Assert.That(IsListening(orphan.State.BackendPort), Is.False);
            });
        }

        await orphan.DisposeAsync();
    }

    [TestCase(SandboxBackendKind.Local)]
    [TestCase(SandboxBackendKind.Container, Category = "Container")]
    public async Task The_watchdog_removes_a_sandbox_as_soon_as_its_owner_is_killed(SandboxBackendKind backend)
    {
        var sandbox = await QueryServiceSandbox.StartAsync(SharedSandbox.Options(backend));
        using var owner = Process.Start("sleep", "60")!;
        SandboxInstanceRegistry.WriteOwner(sandbox.InstanceDirectory, owner.Id);
        using var watchdog = SandboxInstanceRegistry.StartWatchdog(sandbox.InstanceDirectory, PostgresBinaries.Find(), owner.Id);
        await Task.Delay(1500);
        Assert.That(IsListening(sandbox.State.BackendPort), Is.True, "the watchdog waits while the owner lives");

        owner.Kill();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Directory.Exists(sandbox.InstanceDirectory) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Multiple(() =>
        {
            Assert.That(Directory.Exists(sandbox.InstanceDirectory), Is.False);
            Assert.That(IsListening(sandbox.State.BackendPort), Is.False);
        });
        await sandbox.DisposeAsync();
    }

    [Test]
    public void Missing_binaries_name_the_package_to_install()
    {
        var error = Assert.Throws<SandboxException>(() => PostgresBinaries.Find(["/nonexistent/bin"]))!;
        Assert.That(error.Message, Does.Contain("apt-get install -y postgresql").And.Contain(PostgresBinaries.BinDirVariable));
    }

    [Test]
    public void The_installed_binaries_are_found()
        => Assert.That(File.Exists(PostgresBinaries.Find().InitDb), Is.True);

    [Test]
    public void Tokens_carry_every_hostile_character_inside_them()
    {
        var token = SandboxTokens.NewToken();
        Assert.Multiple(() =>
        {
            Assert.That(token, Has.Length.EqualTo(1200));
            Assert.That(token.Trim(), Is.EqualTo(token), "no surrounding white space");
            Assert.That(SandboxTokens.HostileCharacters.All(token.Contains), Is.True);
            Assert.That(SandboxTokens.NewToken(), Is.Not.EqualTo(token));
        });
    }

    private static async Task<string?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private static async Task<string?> CanLogInAsync(QueryServiceSandbox sandbox, string password)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
            {
                Host = sandbox.Host, Port = sandbox.Port, Database = sandbox.Database, Username = sandbox.Username,
                Password = password, SslMode = SslMode.Require, Pooling = false,
            }.ConnectionString);
            await connection.OpenAsync();
            return null;
        }
        catch (PostgresException e)
        {
            return e.SqlState;
        }
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
