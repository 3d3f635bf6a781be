using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Xunit;

namespace LearningWeek.Testing;

/// <summary>
/// One service, hosted in the test process on its own fresh database and RabbitMQ virtual host
/// of the shared <see cref="TestServers"/>; dropped afterwards.
/// </summary>
public abstract class ServiceFixture<TEntryPoint> : IAsyncLifetime where TEntryPoint : class
{
    private WebApplicationFactory<TEntryPoint>? _factory;

    /// <summary>The name of the service's database connection (<c>planningdb</c>, …).</summary>
    protected abstract string ConnectionName { get; }

    public TestServers Servers { get; private set; } = null!;

    public string DatabaseConnectionString { get; private set; } = "";

    public Uri VirtualHost { get; private set; } = null!;

    public WebApplicationFactory<TEntryPoint> Factory =>
        _factory ?? throw new InvalidOperationException("The fixture is not initialised.");

    public HttpClient CreateClient() => Factory.CreateClient();

    public async Task InitializeAsync()
    {
        Servers = await TestServers.GetAsync();
        DatabaseConnectionString = await Servers.CreateDatabaseAsync(ConnectionName);
        VirtualHost = await Servers.CreateVirtualHostAsync(ConnectionName);
        _factory = new WebApplicationFactory<TEntryPoint>().WithWebHostBuilder(host =>
        {
            host.UseSetting($"ConnectionStrings:{ConnectionName}", DatabaseConnectionString);
            host.UseSetting("ConnectionStrings:messaging", VirtualHost.ToString());
            // Warnings and errors only: a failing test's output should show what went wrong.
            host.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            ConfigureHost(host);
        });
        _ = _factory.Server; // start now: a service that cannot start fails the fixture, not a random test
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Servers.DropDatabaseAsync(DatabaseConnectionString);
        await Servers.DeleteVirtualHostAsync(VirtualHost);
    }

    /// <summary>Extra settings of a particular fixture.</summary>
    protected virtual void ConfigureHost(IWebHostBuilder host)
    {
    }
}
