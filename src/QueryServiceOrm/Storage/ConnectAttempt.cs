namespace QueryServiceOrm.Storage;

/// <summary>
/// One session being opened on this flow of execution: whether it reached the TLS handshake, and the bound of that
/// handshake. Npgsql bounds every other step of an open with its own timeout, but its asynchronous TLS handshake waits
/// on the caller's token alone: a server that answers the TLS request and then stays silent would hold it forever.
/// </summary>
internal sealed class ConnectAttempt : IDisposable
{
    // Npgsql's own timers end the other steps at the deadline; without the TLS marker (a ConfigureDataSource that set its
    // own TLS options callback) this later cancellation still ends a handshake that never finishes.
    private static readonly TimeSpan Backstop = TimeSpan.FromSeconds(1);

    private static readonly AsyncLocal<ConnectAttempt?> Current = new();

    private readonly ConnectAttempt? _outer;
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource _bound;
    private readonly long _deadline;

    private ConnectAttempt(TimeSpan timeout, CancellationToken caller)
    {
        _outer = Current.Value;
        _caller = caller;
        _deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        _bound = CancellationTokenSource.CreateLinkedTokenSource(caller);
        _bound.CancelAfter(timeout + Backstop);
        Timeout = timeout;
        Current.Value = this;
    }

    /// <summary>The connect timeout of this open.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The token to open with: the caller's, and cancelled when the TLS handshake runs past the deadline.</summary>
    public CancellationToken Token => _bound.Token;

    /// <summary>Whether the server answered the TLS request and the handshake began.</summary>
    public bool ReachedTls { get; private set; }

    /// <summary>Whether this attempt's bound, not the caller, cancelled the open.</summary>
    public bool Expired => _bound.IsCancellationRequested && !_caller.IsCancellationRequested;

    /// <summary>Starts the attempt; the opens of Npgsql called on this flow until it is disposed report to it.</summary>
    /// <param name="timeout">The connection's connect timeout.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public static ConnectAttempt Start(TimeSpan timeout, CancellationToken cancellationToken) => new(timeout, cancellationToken);

    /// <summary>
    /// Called by Npgsql right before its TLS handshake (the TLS options callback), on the flow of the open: the handshake
    /// gets what is left of the connect timeout.
    /// </summary>
    public static void TlsHandshakeStarting()
    {
        if (Current.Value is { } attempt)
        {
            attempt.ReachedTls = true;
            attempt._bound.CancelAfter(TimeSpan.FromMilliseconds(Math.Max(1, attempt._deadline - Environment.TickCount64)));
        }
    }

    public void Dispose()
    {
        Current.Value = _outer;
        _bound.Dispose();
    }
}
