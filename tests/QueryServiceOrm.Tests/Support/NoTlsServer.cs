using System.Collections.Concurrent;
using System.Net.Sockets;

namespace QueryServiceOrm.Tests.Support;

/// <summary>
/// A server on 127.0.0.1 that answers every TLS request with 'N' (no TLS here), as a misconfigured or
/// hostile endpoint would, and records every byte a client sends it.
/// </summary>
internal sealed class NoTlsServer : LoopbackServer
{
    private readonly ConcurrentQueue<byte[]> _received = new();

    /// <summary>Everything received, in order, across connections.</summary>
    public byte[] Received => _received.SelectMany(b => b).ToArray();

    protected override async Task ServeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return;
            }

            _received.Enqueue(buffer[..read]);

            // SSLRequest and GSSENCRequest are 8 bytes: length 8, then a magic code. Refuse both.
            if (read == 8 && buffer[3] == 8)
            {
                await stream.WriteAsync(new[] { (byte)'N' }, cancellationToken);
            }
        }
    }
}
