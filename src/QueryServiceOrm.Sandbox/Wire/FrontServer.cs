using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>
/// The sandbox's front: a PostgreSQL-wire server on 127.0.0.1 that accepts what a Query Service client sends (TLS, a
/// cleartext token, <c>ORG@AdobeOrg</c>, <c>sandbox:target</c>), translates the SQL and runs it on the backend. Each
/// connection runs on its own; one that breaks the protocol is closed without touching the others.
/// </summary>
internal sealed class FrontServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<int, FrontConnection> _connections = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private Task? _acceptLoop;
    private int _sessions;

    public FrontServer(FrontOptions options)
    {
        Options = options;
    }

    public FrontOptions Options { get; }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many sessions may be open at once; the next one is refused with "Session Limit Reached".</summary>
    public int SessionLimit { get; set; } = 5;

    /// <summary>Sessions open now.</summary>
    public int OpenSessions => Volatile.Read(ref _sessions);

    /// <summary>How long a statement may run before it is stopped with 53400 (the service's 10 minutes by default).</summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public void Start()
    {
        _listener.Start(backlog: 128);
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>Takes a session slot, or false when the limit is reached.</summary>
    internal bool TryOpenSession()
    {
        while (true)
        {
            var open = Volatile.Read(ref _sessions);
            if (open >= SessionLimit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _sessions, open + 1, open) == open)
            {
                return true;
            }
        }
    }

    internal void CloseSession() => Interlocked.Decrement(ref _sessions);

    /// <summary>Registers a connection under a fresh process id for CancelRequest; returns the id and its secret.</summary>
    internal (int ProcessId, int Secret) Register(FrontConnection connection)
    {
        while (true)
        {
            var id = RandomNumberGenerator.GetInt32(1, int.MaxValue);
            if (_connections.TryAdd(id, connection))
            {
                return (id, RandomNumberGenerator.GetInt32(int.MinValue, int.MaxValue));
            }
        }
    }

    internal void Unregister(int processId) => _connections.TryRemove(processId, out _);

    /// <summary>Cancels what the session with this key runs, if the key matches (a CancelRequest).</summary>
    internal async Task CancelAsync(int processId, int secret)
    {
        if (_connections.TryGetValue(processId, out var connection))
        {
            await connection.CancelIfKeyMatchesAsync(secret).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }

        foreach (var connection in _connections.Values)
        {
            connection.Abort();
        }

        await Task.WhenAll(_running.Keys).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            socket.NoDelay = true;
            var task = Task.Run(() => new FrontConnection(this, socket).RunAsync(_stopping.Token));
            _running.TryAdd(task, 0);
            _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
        }
    }
}
