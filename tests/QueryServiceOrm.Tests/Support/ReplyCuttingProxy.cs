using System.Net;
using System.Net.Sockets;

namespace QueryServiceOrm.Tests.Support;

/// <summary>
/// A TCP proxy on 127.0.0.1 between a client and a server, copying bytes both ways (TLS passes through untouched). Once
/// <see cref="Arm"/>ed, the next bytes a client sends mark their connection: the proxy either forwards them, waits for the
/// server's first reply bytes (the server has run the statement by then) and closes both sides instead of forwarding the
/// reply, or closes both sides at once without forwarding anything. Later connections pass untouched.
/// </summary>
internal sealed class ReplyCuttingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _serverPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<int> _cut = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;
    private int _armed;
    private bool _forwardStatement;

    public ReplyCuttingProxy(int serverPort)
    {
        _serverPort = serverPort;
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>
    /// Completes with the number of reply bytes the server had sent when the proxy cut the connection (0 if it forwarded nothing).
    /// </summary>
    public Task<int> Cut => _cut.Task;

    /// <summary>Marks the connection of the next bytes a client sends.</summary>
    /// <param name="forwardStatement">Whether those bytes reach the server (and its reply is dropped) or are dropped themselves.</param>
    public void Arm(bool forwardStatement)
    {
        _forwardStatement = forwardStatement;
        Volatile.Write(ref _armed, 1);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
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

            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var server = new TcpClient();
        using (client)
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _serverPort, _stop.Token);
                var connection = new Connection(client, server);
                Task[] pumps = [ClientToServerAsync(connection), ServerToClientAsync(connection)];
                await Task.WhenAny(pumps);
                client.Close();
                server.Close();
                await Task.WhenAll(pumps);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    private async Task ClientToServerAsync(Connection connection)
    {
        var buffer = new byte[16_384];
        while (await connection.Client.GetStream().ReadAsync(buffer, _stop.Token) is var read and > 0)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                connection.Doom();
                if (!_forwardStatement)
                {
                    _cut.TrySetResult(0);
                    return;
                }
            }

            await connection.Server.GetStream().WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    private async Task ServerToClientAsync(Connection connection)
    {
        var buffer = new byte[16_384];
        while (await connection.Server.GetStream().ReadAsync(buffer, _stop.Token) is var read and > 0)
        {
            if (connection.IsDoomed)
            {
                _cut.TrySetResult(read);
                return;
            }

            await connection.Client.GetStream().WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    // Returning from either direction ends the relay, which closes both sockets.
    private sealed class Connection(TcpClient client, TcpClient server)
    {
        private int _doomed;

        public TcpClient Client { get; } = client;

        public TcpClient Server { get; } = server;

        public bool IsDoomed => Volatile.Read(ref _doomed) == 1;

        public void Doom() => Volatile.Write(ref _doomed, 1);
    }
}
