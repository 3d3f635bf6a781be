using System.Net;
using System.Net.Sockets;

namespace LearningWeek.AppHost;

/// <summary>
/// A fixed port that is already taken makes the orchestrator hang silently, so the AppHost checks
/// the gateway's and the dashboard's ports first and refuses to start with a clear message.
/// Tests randomise every port (DcpPublisher:RandomizePorts) and skip the check.
/// </summary>
internal static class LocalPorts
{
    public static void EnsureFree(IDistributedApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (configuration.GetValue<bool>("DcpPublisher:RandomizePorts") || builder.ExecutionContext.IsPublishMode)
        {
            return;
        }

        var wanted = new List<(string What, string Setting, Uri Url)>
        {
            ("the gateway", "Gateway__Port", new Uri($"http://127.0.0.1:{configuration.GetValue("Gateway:Port", 8080)}")),
        };
        AddUrl(wanted, configuration, "the Aspire dashboard", "ASPNETCORE_URLS");
        AddUrl(wanted, configuration, "the dashboard's telemetry (OTLP/HTTP) endpoint", "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL");
        AddUrl(wanted, configuration, "the dashboard's telemetry (OTLP/gRPC) endpoint", "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL");
        AddUrl(wanted, configuration, "the dashboard's resource service", "ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL");

        var taken = wanted.Where(port => !IsFree(port.Url)).ToList();
        if (taken.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, taken.Select(port =>
                $"Port {port.Url.Port} for {port.What} is already in use. Stop what uses it, or choose another port with {port.Setting}.")));
        }
    }

    private static void AddUrl(List<(string, string, Uri)> wanted, IConfiguration configuration, string what, string setting)
    {
        foreach (var url in (configuration[setting] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Port > 0)
            {
                wanted.Add((what, setting, uri));
            }
        }
    }

    private static bool IsFree(Uri url)
    {
        var address = url.Host is "localhost" or "127.0.0.1" or "+" or "*" ? IPAddress.Loopback
            : IPAddress.TryParse(url.Host, out var parsed) ? parsed : IPAddress.Loopback;
        try
        {
            using var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            // As Kestrel does: a port left in TIME_WAIT by a previous run is free.
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(address, url.Port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
