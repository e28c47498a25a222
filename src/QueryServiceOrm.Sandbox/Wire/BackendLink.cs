using System.Net.Sockets;

namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>One session on the backend: its stream, what it announced at start-up, and its cancel key.</summary>
internal sealed class BackendLink : IAsyncDisposable
{
    private const int ProtocolVersion3 = 196608;
    private const int CancelRequestCode = 80877102;
    private const int MaxBackendMessage = 1 << 30;

    private readonly Socket _socket;
    private readonly BackendEndpoint _endpoint;

    private BackendLink(Socket socket, Stream stream, BackendEndpoint endpoint)
    {
        _socket = socket;
        _endpoint = endpoint;
        Stream = stream;
        Input = new PgInput(Stream, MaxBackendMessage);
    }

    public Stream Stream { get; }

    public PgInput Input { get; }

    public List<(string Name, string Value)> Parameters { get; } = [];

    public int ProcessId { get; private set; }

    public int SecretKey { get; private set; }

    /// <summary>Opens a session as the backend role, authenticating with its secret, and reads up to the first ReadyForQuery.</summary>
    /// <param name="endpoint">The backend.</param>
    /// <param name="applicationName">The client's application name, so that the backend's log shows it.</param>
    /// <param name="statementTimeout">How long a statement may run there.</param>
    /// <param name="cancellationToken">Cancels the connection.</param>
    public static async Task<BackendLink> ConnectAsync(
        BackendEndpoint endpoint, string applicationName, TimeSpan statementTimeout, CancellationToken cancellationToken)
    {
        var socket = new Socket(endpoint.Address.AddressFamily, SocketType.Stream, ProtocolType.Unspecified);
        Stream stream;
        try
        {
            await socket.ConnectAsync(endpoint.Address, cancellationToken).ConfigureAwait(false);
            stream = endpoint.Certificate is { } certificate
                ? await BackendTls.NegotiateAsync(socket, certificate, cancellationToken).ConfigureAwait(false)
                : new NetworkStream(socket, ownsSocket: false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var link = new BackendLink(socket, stream, endpoint);
        try
        {
            await link.StartAsync(applicationName, statementTimeout, cancellationToken).ConfigureAwait(false);
            return link;
        }
        catch
        {
            await link.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Asks the backend to cancel what this session runs now (a CancelRequest on a connection of its own).</summary>
    public async Task CancelAsync()
    {
        // The server reads a CancelRequest before any TLS or authentication, so it is sent in the clear on either backend.
        using var socket = new Socket(_endpoint.Address.AddressFamily, SocketType.Stream, ProtocolType.Unspecified);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await socket.ConnectAsync(_endpoint.Address, timeout.Token).ConfigureAwait(false);
            var packet = new byte[16];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(packet, 16);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(4), CancelRequestCode);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(8), ProcessId);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(12), SecretKey);
            await socket.SendAsync(packet, SocketFlags.None, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            // The backend is gone or busy beyond reason: the session is being torn down anyway.
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.Connected)
            {
                // Terminate, so the backend logs a clean disconnection; through the stream, which may be TLS.
                Stream.Write([(byte)'X', 0, 0, 0, 4]);
            }
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
            // Already closed.
        }

        Stream.Dispose();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task StartAsync(string applicationName, TimeSpan statementTimeout, CancellationToken cancellationToken)
    {
        var startup = new PgOutput();
        var parameters = new[]
        {
            ("user", _endpoint.User), ("database", _endpoint.Database), ("application_name", applicationName), ("client_encoding", "UTF8"),
            ("options", FormattableString.Invariant($"-c statement_timeout={(long)statementTimeout.TotalMilliseconds}")),
        };
        var body = new PgOutput().Int32(ProtocolVersion3);
        foreach (var (name, value) in parameters)
        {
            body.CString(name).CString(value);
        }

        body.Byte(0);
        startup.Int32(body.Length + 4).Bytes(body.Written.Span);
        await startup.FlushAsync(Stream, cancellationToken).ConfigureAwait(false);

        while (true)
        {
            var message = await Input.ReadMessageAsync(cancellationToken).ConfigureAwait(false);
            if (await HandleStartupMessageAsync(message, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    // True once the backend is ready for queries.
    private async Task<bool> HandleStartupMessageAsync(PgMessage message, CancellationToken cancellationToken)
    {
        switch (message.Type)
        {
            case PgType.Authentication:
                await AuthenticateAsync(message.Body, cancellationToken).ConfigureAwait(false);
                return false;
            case PgType.ParameterStatus:
                var reader = new PgBodyReader(message.Body.Span);
                Parameters.Add((reader.CString(), reader.CString()));
                return false;
            case PgType.BackendKeyData:
                var key = new PgBodyReader(message.Body.Span);
                ProcessId = key.Int32();
                SecretKey = key.Int32();
                return false;
            case PgType.ReadyForQuery:
                return true;
            case PgType.NoticeResponse:
                return false;
            case PgType.ErrorResponse:
                throw new ServiceErrorException(BackendErrors.Read(message.Body.Span) with { Severity = "FATAL" });
            default:
                throw new PgProtocolException($"The backend sent an unexpected message '{(char)message.Type}' at start-up.");
        }
    }

    private async Task AuthenticateAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var code = new PgBodyReader(body.Span).Int32();
        switch (code)
        {
            case 0:
                return;
            case 3:
                var password = new PgOutput().Begin(PgType.Password).CString(_endpoint.Password).End();
                await password.FlushAsync(Stream, cancellationToken).ConfigureAwait(false);
                return;
            default:
                throw new PgProtocolException(
                    $"The backend asked for authentication method {code}; the sandbox sets it up for cleartext passwords on its socket.");
        }
    }
}
