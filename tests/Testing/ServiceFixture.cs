using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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

    /// <summary>The service's path to the broker, which a test may cut (<see cref="BrokerLink.Cut"/>) as an outage would.</summary>
    public BrokerLink BrokerLink { get; private set; } = null!;

    public WebApplicationFactory<TEntryPoint> Factory =>
        _factory ?? throw new InvalidOperationException("The fixture is not initialised.");

    public HttpClient CreateClient() => Factory.CreateClient();

    /// <summary>A client that sends <paramref name="token"/> as its bearer token.</summary>
    public HttpClient CreateClient(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask InitializeAsync()
    {
        Servers = await TestServers.GetAsync();
        DatabaseConnectionString = await Servers.CreateDatabaseAsync(ConnectionName);
        VirtualHost = await Servers.CreateVirtualHostAsync(ConnectionName);
        BrokerLink = BrokerLink.Start(VirtualHost);
        _factory = new WebApplicationFactory<TEntryPoint>().OnTestServers(ConnectionName, DatabaseConnectionString, BrokerLink.Address(VirtualHost), ConfigureHost);
        _factory.StartServer(); // now: a service that cannot start fails the fixture, not a random test
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (BrokerLink is not null)
        {
            await BrokerLink.DisposeAsync();
        }

        if (DatabaseConnectionString.Length > 0)
        {
            await Servers.DropDatabaseAsync(DatabaseConnectionString);
        }

        if (VirtualHost is not null)
        {
            await Servers.DeleteVirtualHostAsync(VirtualHost);
        }
    }

    /// <summary>Extra settings of a particular fixture.</summary>
    protected virtual void ConfigureHost(IWebHostBuilder host)
    {
    }
}
