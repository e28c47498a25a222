using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace QueryServiceOrm.Tests.Support;

/// <summary>
/// A server on 127.0.0.1 that answers every TLS request with 'N' (no TLS here), as a misconfigured or
/// hostile endpoint would, and records every byte a client sends it.
/// </summary>
internal sealed class NoTlsServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<byte[]> _received = new();
    private int _accepted;

    public NoTlsServer()
    {
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int ConnectionsAccepted => Volatile.Read(ref _accepted);

    /// <summary>Everything received, in order, across connections.</summary>
    public byte[] Received => _received.SelectMany(b => b).ToArray();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new byte[8192];
            try
            {
                while (true)
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    _received.Enqueue(buffer[..read]);

                    // SSLRequest and GSSENCRequest are 8 bytes: length 8, then a magic code. Refuse both.
                    if (read == 8 && buffer[3] == 8)
                    {
                        await stream.WriteAsync(new[] { (byte)'N' }, _stop.Token);
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }
}
