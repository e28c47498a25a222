using System.Net;
using System.Net.Sockets;

namespace QueryServiceOrm.Tests.Support;

/// <summary>A TCP server on 127.0.0.1 for client tests: accepts every connection and serves each one its own way.</summary>
internal abstract class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _loop;
    private int _accepted;

    protected LoopbackServer()
    {
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int ConnectionsAccepted => Volatile.Read(ref _accepted);

    /// <summary>Cancelled when the server stops: each connection's service ends then.</summary>
    protected CancellationTokenSource Stopping { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await Stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        Stopping.Dispose();
    }

    /// <summary>Serves one accepted connection until the client leaves or the server stops.</summary>
    protected abstract Task ServeAsync(NetworkStream stream, CancellationToken cancellationToken);

    private async Task AcceptAsync()
    {
        while (!Stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(Stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            _ = Task.Run(() => ServeClientAsync(client));
        }
    }

    private async Task ServeClientAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await ServeAsync(client.GetStream(), Stopping.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }
}
