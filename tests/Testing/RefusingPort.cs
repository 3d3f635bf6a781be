using System.Net;
using System.Net.Sockets;

namespace LearningWeek.Testing;

/// <summary>
/// A loopback address where a service is down: the port is bound by this socket, which never
/// listens, so every connection is refused at once, and nothing else can take the port meanwhile
/// (a fixed "closed" port such as 9 could be served by anything).
/// </summary>
public sealed class RefusingPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public RefusingPort()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_socket.LocalEndPoint!).Port}/");
    }

    public Uri Address { get; }

    public void Dispose() => _socket.Dispose();
}
