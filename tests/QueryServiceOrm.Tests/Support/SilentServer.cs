using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace QueryServiceOrm.Tests.Support;

/// <summary>Where a <see cref="SilentServer"/> stops answering.</summary>
public enum Silence
{
    /// <summary>Accepts TCP and never answers anything.</summary>
    FromTheStart,

    /// <summary>Answers 'S' to the TLS request, then never answers the TLS ClientHello.</summary>
    AfterTlsRequest,

    /// <summary>Completes the TLS handshake, then never answers the startup message (no authentication request).</summary>
    AfterTlsHandshake,
}

/// <summary>
/// A server on 127.0.0.1 that goes silent at one step of a PostgreSQL connection, keeping the connection open and reading
/// whatever the client sends: a hung server, a proxy holding the connection, a port of the wrong service.
/// </summary>
internal sealed class SilentServer(Silence silence) : LoopbackServer
{
    private int _handshakes;

    /// <summary>TLS handshakes completed (with <see cref="Silence.AfterTlsHandshake"/>).</summary>
    public int Handshakes => Volatile.Read(ref _handshakes);

    protected override async Task ServeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var request = new byte[8];
        if (silence == Silence.FromTheStart || !await ReadExactlyAsync(stream, request, cancellationToken))
        {
            await DrainAsync(stream, cancellationToken);
            return;
        }

        await stream.WriteAsync(new[] { (byte)'S' }, cancellationToken);
        if (silence == Silence.AfterTlsRequest)
        {
            await DrainAsync(stream, cancellationToken);
            return;
        }

        await using var tls = new SslStream(stream, leaveInnerStreamOpen: true);
        using var certificate = LoopbackCertificate();
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, cancellationToken);
        Interlocked.Increment(ref _handshakes);
        await DrainAsync(tls, cancellationToken);
    }

    private static async Task<bool> ReadExactlyAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, cancellationToken);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }

    // Reads and drops what arrives until the client leaves, so the client's writes never block.
    private static async Task DrainAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        while (await stream.ReadAsync(buffer, cancellationToken) > 0)
        {
        }
    }

    private static X509Certificate2 LoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
