using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace QueryServiceOrm.Tests.Support;

/// <summary>
/// An HTTPS server on 127.0.0.1 that completes the TLS handshake, reads a request's headers and closes the connection
/// without answering: a connection dropped mid-request, after which the client cannot know what the server did.
/// </summary>
internal sealed class DroppingHttpsServer(X509Certificate2 certificate) : LoopbackServer
{
    public Uri BaseAddress => new($"https://127.0.0.1:{Port}/data/foundation/query/");

    protected override async Task ServeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        await using var tls = new SslStream(stream);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, cancellationToken);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await tls.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }
}
