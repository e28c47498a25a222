using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Infrastructure;

public sealed class TransportSecurityTests
{
    private const int SslRequestCode = 80877103;

    [Test]
    public async Task A_server_without_tls_is_refused_and_never_sees_the_token()
    {
        const string token = "eyJ-the-token-that-must-never-leave-this-process";
        await using var server = new NoTlsServer();
        await using var context = new QueryServiceDbContextFactory<EmptyContext>(new QueryServiceCredentials
        {
            Host = "127.0.0.1",
            Port = server.Port,
            Username = "ORG@AdobeOrg",
            Password = token,
           
        }).CreateDbContext();

        var error = Assert.ThrowsAsync<NpgsqlException>(async () => await context.Database.GetTableNamesAsync())!;
        await Task.Delay(100);
        var received = server.Received;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("SSL"), "the refusal names TLS as the reason");
            Assert.That(received, Has.Length.EqualTo(8), "only the TLS request reached the socket");
            Assert.That(BinaryPrimitives.ReadInt32BigEndian(received.AsSpan(4)), Is.EqualTo(SslRequestCode));
            Assert.That(Encoding.UTF8.GetString(received), Does.Not.Contain("ORG@AdobeOrg").And.Not.Contain(token[..12]));
        });
    }

    [TestCase(SandboxBackendKind.Local)]
    [TestCase(SandboxBackendKind.Container, Category = "Container")]
    public async Task The_sandbox_refuses_plain_text_on_the_front_and_on_the_backend_port(SandboxBackendKind backend)
    {
        var sandbox = await SharedSandbox.GetAsync(backend);
        foreach (var (port, password) in new[]
            {
                (sandbox.Port, sandbox.Password), (sandbox.State.BackendPort, sandbox.State.BackendPassword),
            })
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
            {
                Host = sandbox.Host, Port = port, Database = sandbox.Database, Username = sandbox.Username,
                Password = password, SslMode = SslMode.Disable, Pooling = false,
            }.ConnectionString);

            var error = Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync(), $"port {port}")!;
            Assert.That(
                error.SqlState, Is.EqualTo(PostgresErrorCodes.InvalidAuthorizationSpecification), $"port {port}: {error.MessageText}");
        }
    }

    [Test]
    public async Task Connections_to_the_sandbox_are_encrypted()
    {
        var sandbox = await SharedSandbox.GetAsync();
        await using var context = new QueryServiceDbContextFactory<EmptyContext>(sandbox.Credentials()).CreateDbContext();
        await context.Database.OpenConnectionAsync();
        var connection = new NpgsqlConnectionStringBuilder(context.Database.GetDbConnection().ConnectionString);

        // Require never falls back to plain text (Npgsql fails instead), and the library accepts nothing weaker.
        Assert.Multiple(() =>
        {
            Assert.That(connection.Port, Is.EqualTo(sandbox.Port), "the library talks to the front");
            Assert.That(connection.SslMode, Is.EqualTo(SslMode.Require));
            Assert.That(() => sandbox.Credentials(sslMode: SslMode.Disable), Throws.TypeOf<QueryServiceConfigurationException>());
        });
    }

    [Test]
    public async Task Verify_full_accepts_the_sandbox_certificate_from_its_own_authority()
    {
        var sandbox = await SharedSandbox.GetAsync();
        await using var context = new QueryServiceDbContextFactory<EmptyContext>(
            sandbox.Credentials(sslMode: SslMode.VerifyFull)).CreateDbContext();
        Assert.That(await context.Database.SqlQueryRaw<int>("SELECT 1 AS Value").ToListAsync(), Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public async Task Verify_full_rejects_a_certificate_from_another_authority()
    {
        var sandbox = await SharedSandbox.GetAsync();
        var otherRoot = Path.GetTempFileName();
        try
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=Some other CA", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllTextAsync(otherRoot, ca.ExportCertificatePem());

            var credentials = new QueryServiceCredentials
            {
                Host = sandbox.Host, Port = sandbox.State.BackendPort, Username = sandbox.Username,
                Password = sandbox.State.BackendPassword,
                SslMode = SslMode.VerifyFull, RootCertificate = otherRoot,
            };
            await using var context = new QueryServiceDbContextFactory<EmptyContext>(credentials).CreateDbContext();
            Assert.That(
                async () => await context.Database.GetTableNamesAsync(),
                Throws.InstanceOf<NpgsqlException>().Or.InstanceOf<System.Security.Authentication.AuthenticationException>());
        }
        finally
        {
            File.Delete(otherRoot);
        }
    }
}
