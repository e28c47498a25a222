using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Web;

namespace QueryServiceOrm.Tests.Support;

/// <summary>
/// An OAuth client-credentials token endpoint on 127.0.0.1 (real HTTP), issuing short-lived tokens.
/// </summary>
internal sealed class LocalTokenEndpoint : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly TimeSpan _lifetime;
    private readonly Func<string, DateTimeOffset, Task>? _onIssued;
    private int _issued;

    public LocalTokenEndpoint(string clientId, string clientSecret, TimeSpan lifetime, Func<string, DateTimeOffset, Task>? onIssued = null)
    {
        _clientId = clientId;
        _clientSecret = clientSecret;
        _lifetime = lifetime;
        _onIssued = onIssued;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri TokenUri => new($"http://127.0.0.1:{Port}/ims/token/v3");

    public int Issued => Volatile.Read(ref _issued);

    public ConcurrentQueue<string> IssuedTokens { get; } = new();

    public ConcurrentQueue<string> RequestBodies { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        RequestBodies.Enqueue(body);
        var form = HttpUtility.ParseQueryString(body);

        string json;
        if (form["grant_type"] != "client_credentials" || form["client_id"] != _clientId || form["client_secret"] != _clientSecret)
        {
            context.Response.StatusCode = 401;
            json = """{"error":"invalid_client","error_description":"invalid client_id or client_secret"}""";
        }
        else
        {
            var token = $"tok{Interlocked.Increment(ref _issued)}-" + QueryServiceOrm.Sandbox.SandboxTokens.NewToken(400);
            IssuedTokens.Enqueue(token);
            if (_onIssued is not null)
            {
                await _onIssued(token, DateTimeOffset.UtcNow + _lifetime);
            }

            json = JsonSerializer.Serialize(new { access_token = token, token_type = "bearer", expires_in = _lifetime.TotalSeconds });
        }

        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
