using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace LearningWeek.Testing;

/// <summary>
/// A service's network path to RabbitMQ, which a test can cut as a broker outage would: a TCP relay
/// on a free loopback port in front of the shared broker. <see cref="Cut"/> resets every open
/// connection and every new one (as a broker that is down behind its address does), so the
/// service sees the same failures as in a real outage, while other test classes keep their broker;
/// <see cref="Restore"/> relays again. (Changing the service's password instead would read to
/// the client as wrong credentials, which it rightly does not retry.)
/// </summary>
public sealed class BrokerLink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly DnsEndPoint _broker;
    private readonly ConcurrentDictionary<TcpClient, TcpClient> _open = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private volatile bool _cut;

    private BrokerLink(Uri broker)
    {
        _broker = new DnsEndPoint(broker.Host, broker.Port > 0 ? broker.Port : 5672);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public static BrokerLink Start(Uri broker) => new(broker);

    /// <summary>The amqp URI of <paramref name="virtualHost"/> (its user, password and path) through this link.</summary>
    public Uri Address(Uri virtualHost) =>
        new UriBuilder(virtualHost) { Host = "127.0.0.1", Port = ((IPEndPoint)_listener.LocalEndpoint).Port }.Uri;

    /// <summary>The broker goes away for whoever uses this link: open connections are reset, new ones too.</summary>
    public void Cut()
    {
        _cut = true;
        foreach (var (client, server) in _open)
        {
            Reset(client);
            server.Dispose();
            _open.TryRemove(client, out _);
        }
    }

    /// <summary>The broker is back: new connections are relayed again.</summary>
    public void Restore() => _cut = false;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        Cut();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_cut)
            {
                Reset(client);
                continue;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_broker.Host, _broker.Port, _stopping.Token);
            _open[client] = server;
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            var up = client.GetStream().CopyToAsync(server.GetStream(), ended.Token);
            var down = server.GetStream().CopyToAsync(client.GetStream(), ended.Token);
            await Task.WhenAny(up, down);
            await ended.CancelAsync();
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // a side went away: the connection ends
        }
        finally
        {
            _open.TryRemove(client, out _);
            client.Dispose(); // a second dispose after a reset does nothing
            server.Dispose();
        }
    }

    /// <summary>Closes with RST, not FIN: to the client the connection breaks, as when its peer's host is gone.</summary>
    private static void Reset(TcpClient client)
    {
        try
        {
            // Null once its relay has ended and disposed it meanwhile: then there is nothing to reset.
            if (client.Client is { } socket)
            {
                socket.LingerState = new LingerOption(true, 0);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }

        client.Dispose();
    }
}
