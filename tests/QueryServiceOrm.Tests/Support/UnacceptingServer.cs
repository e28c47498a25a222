using System.Net;
using System.Net.Sockets;

namespace QueryServiceOrm.Tests.Support;

/// <summary>
/// A port on 127.0.0.1 where TCP connections are never established: it listens with no room in its queue and never
/// accepts, one connection fills the queue, and the kernel drops every later SYN, as a firewall dropping traffic does.
/// </summary>
internal sealed class UnacceptingServer : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Socket _filler = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public UnacceptingServer()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(0);
        _filler.Connect(_listener.LocalEndPoint!);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    public void Dispose()
    {
        _filler.Dispose();
        _listener.Dispose();
    }
}
