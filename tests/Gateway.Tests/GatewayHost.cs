using LearningWeek.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace LearningWeek.Gateway.Tests;

/// <summary>
/// The gateway with its routes from configuration (appsettings.json, as deployed) and its own
/// fresh database, its clusters pointed at <see cref="EchoBackend"/>s instead of the services;
/// the library-fund cluster points at a closed port, to see what callers get when a service is down.
/// </summary>
public sealed class GatewayHost : IAsyncLifetime
{
    private readonly List<EchoBackend> _backends = [];
    private TestServers _servers = null!;
    private string _database = "";

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _servers = await TestServers.GetAsync();
        _database = await _servers.CreateDatabaseAsync("gatewaydb");
        foreach (var cluster in new[] { "planning", "reporting" })
        {
            _backends.Add(await EchoBackend.StartAsync(cluster));
        }

        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:gatewaydb", _database);
            host.UseSetting("ReverseProxy:Clusters:planning:Destinations:planning:Address", _backends[0].Address.ToString());
            host.UseSetting("ReverseProxy:Clusters:reporting:Destinations:reporting:Address", _backends[1].Address.ToString());
            host.UseSetting("ReverseProxy:Clusters:library-fund:Destinations:library-fund:Address", "http://127.0.0.1:9/");
            host.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        });
        _ = Factory.Server;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        foreach (var backend in _backends)
        {
            await backend.DisposeAsync();
        }

        await _servers.DropDatabaseAsync(_database);
    }
}
