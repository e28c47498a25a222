using System.Buffers.Binary;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>
/// One client connection: the TLS handshake and authentication the service asks for, then two loops. The client loop reads
/// the client's messages, translates SQL and forwards them to the session's backend (or answers itself); the relay loop
/// streams the backend's answers to the client as they come, message boundaries found but rows never buffered. The front
/// owns the extended protocol's state: it may end a backend pipeline early (an internal Sync) to answer in order.
/// </summary>
internal sealed partial class FrontConnection
{
    private const int SslRequestCode = 80877103;
    private const int GssEncryptionRequestCode = 80877104;
    private const int CancelRequestCode = 80877102;
    private const int MaxClientMessage = 256 << 20;
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    private readonly FrontServer _server;
    private readonly Socket _socket;
    private readonly CancellationTokenSource _abort = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly PgOutput _clientOut = new();
    private readonly PgOutput _backendOut = new();
    private readonly Queue<PendingSync> _pendingSyncs = new();
    private readonly Dictionary<string, Route> _statements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Route> _portals = new(StringComparer.Ordinal);

    private Stream _stream = Stream.Null;
    private PgInput? _input;
    private BackendLink? _backend;
    private FrontSession? _session;
    private string _application = "";
    private int _processId;
    private int _secret;
    private bool _holdsSession;
    private PendingSync? _lastSync;
    private bool _forwardedSinceSync;
    private bool _skipping;

    public FrontConnection(FrontServer server, Socket socket)
    {
        _server = server;
        _socket = socket;
    }

    private PgInput Input => _input!;

    private BackendLink Backend => _backend!;

    private FrontSession Session => _session!;

    public async Task RunAsync(CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _abort.Token);
        var cancellationToken = linked.Token;
        Task? relay = null;
        try
        {
            _stream = new NetworkStream(_socket, ownsSocket: true);
            using (var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                startup.CancelAfter(StartupTimeout);
                if (!await HandshakeAsync(startup.Token).ConfigureAwait(false))
                {
                    return;
                }
            }

            relay = RelayAsync(cancellationToken);
            var serve = ServeAsync(cancellationToken);
            await Task.WhenAny(relay, serve).ConfigureAwait(false);
            await (serve.IsCompleted ? serve : relay).ConfigureAwait(false);
        }
        catch (PgProtocolException e)
        {
            await TryWriteFatalAsync(ServiceErrors.ProtocolViolation(e.Message)).ConfigureAwait(false);
        }
        catch (ServiceErrorException e)
        {
            await TryWriteFatalAsync(e.Error with { Severity = "FATAL" }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or EndOfStreamException or OperationCanceledException
                                      or AuthenticationException or ObjectDisposedException)
        {
            // The client left, the front is stopping, or TLS failed: nothing more to say to the client.
            _server.Options.Journal.RecordFault(0, "debug", e);
        }
        catch (Exception e)
        {
            // A defect of the front: this session ends with the service's internal error; the others go on.
            _server.Options.Journal.RecordFault(_session?.Id ?? 0, _application, e);
            await TryWriteFatalAsync(ServiceErrors.Internal).ConfigureAwait(false);
        }
        finally
        {
            await TearDownAsync(relay).ConfigureAwait(false);
        }
    }

    /// <summary>Cancels the statement running now, if the secret is this session's (a CancelRequest).</summary>
    public async Task CancelIfKeyMatchesAsync(int secret)
    {
        if (secret == _secret && _backend is { } backend)
        {
            await backend.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Closes the connection at once (the front is stopping).</summary>
    public void Abort()
    {
        try
        {
            _abort.Cancel();
            _socket.Dispose();
        }
        catch (ObjectDisposedException)
        {
            // Already closed.
        }
    }

    private async Task TearDownAsync(Task? relay)
    {
        var busy = false;
        lock (_pendingSyncs)
        {
            busy = _pendingSyncs.Count > 0 || _forwardedSinceSync;
        }

        if (_backend is { } backend)
        {
            if (busy)
            {
                // The client left mid-statement: stop it on the backend rather than let it run to the end.
                await backend.CancelAsync().ConfigureAwait(false);
            }

            await backend.DisposeAsync().ConfigureAwait(false);
        }

        await _abort.CancelAsync().ConfigureAwait(false);
        if (relay is not null)
        {
            await relay.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        FailPendingSyncs();
        if (_processId != 0)
        {
            _server.Unregister(_processId);
        }

        if (_holdsSession)
        {
            _server.CloseSession();
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        _abort.Dispose();
    }

    private async Task TryWriteFatalAsync(ServiceError error)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await WriteClientAsync(o => o.Error(error), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException
            or SocketException
            or OperationCanceledException
            or ObjectDisposedException
            or NotSupportedException)
        {
            // The client is gone already.
        }
    }

    private async Task<bool> HandshakeAsync(CancellationToken cancellationToken)
    {
        _input = new PgInput(_stream, MaxClientMessage);
        var packet = await Input.ReadStartupPacketAsync(cancellationToken).ConfigureAwait(false);
        var code = BinaryPrimitives.ReadInt32BigEndian(packet.Span);
        if (code == GssEncryptionRequestCode)
        {
            throw new ServiceErrorException(ServiceErrors.GssEncryptionUnsupported);
        }

        if (code == CancelRequestCode)
        {
            await CancelFromPacketAsync(packet).ConfigureAwait(false);
            return false;
        }

        if (code != SslRequestCode)
        {
            throw new ServiceErrorException(ServiceErrors.TlsRequired);
        }

        await _stream.WriteAsync("S"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
        _stream = tls;
        await tls.AuthenticateAsServerAsync(
            new SslServerAuthenticationOptions
            {
                ServerCertificate = _server.Options.Certificate,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                ClientCertificateRequired = false,
            },
            cancellationToken).ConfigureAwait(false);
        _input = new PgInput(tls, MaxClientMessage);

        packet = await Input.ReadStartupPacketAsync(cancellationToken).ConfigureAwait(false);
        code = BinaryPrimitives.ReadInt32BigEndian(packet.Span);
        if (code == CancelRequestCode)
        {
            await CancelFromPacketAsync(packet).ConfigureAwait(false);
            return false;
        }

        if (code >> 16 != 3)
        {
            throw new PgProtocolException($"Unsupported frontend protocol {code >> 16}.{code & 0xFFFF}: the front speaks protocol 3.0.");
        }

        var parameters = StartupParameters(packet.Span[4..]);
        await AuthenticateAsync(parameters, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task CancelFromPacketAsync(ReadOnlyMemory<byte> packet)
    {
        if (packet.Length >= 12)
        {
            await _server.CancelAsync(
                BinaryPrimitives.ReadInt32BigEndian(packet.Span[4..]),
                BinaryPrimitives.ReadInt32BigEndian(packet.Span[8..])).ConfigureAwait(false);
        }
    }

    private static Dictionary<string, string> StartupParameters(ReadOnlySpan<byte> body)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new PgBodyReader(body);
        while (!reader.AtEnd && reader.Remaining[0] != 0)
        {
            var name = reader.CString();
            parameters[name] = reader.CString();
        }

        return parameters;
    }

    private async Task AuthenticateAsync(Dictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var user = parameters.GetValueOrDefault("user") ?? "";
        var database = parameters.GetValueOrDefault("database") ?? user;
        _application = parameters.GetValueOrDefault("application_name") ?? "";

        await WriteClientAsync(o => o.AuthenticationCleartextPassword(), cancellationToken).ConfigureAwait(false);
        var message = await Input.ReadMessageAsync(cancellationToken).ConfigureAwait(false);
        if (message.Type != PgType.Password)
        {
            throw new PgProtocolException($"Expected a password message, got '{(char)message.Type}'.");
        }

        var password = new PgBodyReader(message.Body.Span).CString();
        var options = _server.Options;
        if (!string.Equals(user, options.OrganizationId + "@AdobeOrg", StringComparison.Ordinal) || !options.Tokens.Accepts(password))
        {
            throw new ServiceErrorException(ServiceErrors.AuthenticationFailed(user));
        }

        var target = await DatabaseTargetAsync(database, cancellationToken).ConfigureAwait(false);
        if (!_server.TryOpenSession())
        {
            throw new ServiceErrorException(ServiceErrors.SessionLimitReached(_server.SessionLimit));
        }

        _holdsSession = true;
        _backend = await BackendLink.ConnectAsync(
            options.Backend, _application, _server.StatementTimeout, cancellationToken).ConfigureAwait(false);
        (_processId, _secret) = _server.Register(this);
        _session = new FrontSession(_processId, user, database, target);
        options.Journal.RecordSession(Session.Id, _application);

        await WriteClientAsync(o =>
        {
            o.AuthenticationOk();
            foreach (var (name, value) in ServerParameters.Announced(Backend.Parameters, user, _application))
            {
                o.ParameterStatus(name, value);
            }

            o.BackendKeyData(_processId, _secret).ReadyForQuery(Session.TransactionStatus);
        }, cancellationToken).ConfigureAwait(false);
    }

    // sandbox:target, where the sandbox is this one's and the target 'all' or an existing table.
    private async Task<string> DatabaseTargetAsync(string database, CancellationToken cancellationToken)
    {
        var separator = database.IndexOf(':', StringComparison.Ordinal);
        var sandbox = separator < 0 ? database : database[..separator];
        var target = separator < 0 ? "" : database[(separator + 1)..];
        if (target.EndsWith("?FLATTEN", StringComparison.OrdinalIgnoreCase))
        {
            throw new ServiceErrorException(ServiceErrors.FlattenNotEmulated);
        }

        if (!string.Equals(sandbox, _server.Options.SandboxName, StringComparison.Ordinal) || target.Length == 0
            || (!string.Equals(target, "all", StringComparison.OrdinalIgnoreCase)
                && !await _server.Options.TargetExists(target, cancellationToken).ConfigureAwait(false)))
        {
            throw new ServiceErrorException(ServiceErrors.UnknownDatabase(database));
        }

        return target;
    }

    private async Task WriteClientAsync(Action<PgOutput> build, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _clientOut.Clear();
            build(_clientOut);
            await _clientOut.FlushAsync(_stream, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task WriteClientAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>How the front answers a prepared statement or portal: the backend holds it, or the front answers it.</summary>
    private abstract record Route;

    private sealed record BackendRoute : Route
    {
        public static readonly BackendRoute Instance = new();
    }

    private sealed record LocalRoute(FrontStatement Statement) : Route;

    /// <summary>A Sync sent to the backend: the client's own (its ReadyForQuery is relayed) or the front's (swallowed).</summary>
    private sealed class PendingSync(bool isInternal)
    {
        public bool IsInternal { get; } = isInternal;

        /// <summary>Completes with whether the backend reported an error since the previous Sync.</summary>
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
