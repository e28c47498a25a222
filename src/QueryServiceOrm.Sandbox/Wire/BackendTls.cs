using System.Buffers.Binary;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>
/// TLS on a session with a container backend, which takes no other connection: the SSLRequest of PostgreSQL's protocol, then
/// a handshake that accepts only the certificate the sandbox made for its backend.
/// </summary>
internal static class BackendTls
{
    private const int SslRequestCode = 80877103;

    public static async Task<Stream> NegotiateAsync(Socket socket, X509Certificate2 expected, CancellationToken cancellationToken)
    {
        var network = new NetworkStream(socket, ownsSocket: false);
        var request = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(request, request.Length);
        BinaryPrimitives.WriteInt32BigEndian(request.AsSpan(4), SslRequestCode);
        await network.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        var answer = new byte[1];
        await network.ReadExactlyAsync(answer, cancellationToken).ConfigureAwait(false);
        if (answer[0] != (byte)'S')
        {
            throw new PgProtocolException("The container backend refused TLS; its server must run with ssl=on, as the sandbox starts it.");
        }

        var tls = new SslStream(network, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                RemoteCertificateValidationCallback = PinnedTo(expected),
            },
            cancellationToken).ConfigureAwait(false);
        return tls;
    }

    /// <summary>
    /// Accepts only the certificate the sandbox made for its backend: pinned rather than chained, since a port on loopback may
    /// be anyone's once the container is gone.
    /// </summary>
    public static RemoteCertificateValidationCallback PinnedTo(X509Certificate2 expected)
        => (_, certificate, _, _) => certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(expected.RawData);
}
