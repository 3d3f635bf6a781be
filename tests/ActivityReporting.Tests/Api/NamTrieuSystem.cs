extern alias planning;
using System.Net.Http.Headers;
using LearningWeek.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LearningWeek.ActivityReporting.Tests.Api;

/// <summary>
/// Planning and ActivityReporting side by side on real PostgreSQL (a database each) and one real
/// RabbitMQ virtual host: Planning loads the Nam Triệu 2025 sample (as in a local run) and
/// publishes its plan, and ActivityReporting opens the units' obligations from it. ActivityReporting
/// runs on a clock the test sets (the week of the plan, the deadline).
/// </summary>
public sealed class NamTrieuSystem : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _reporting;
    private WebApplicationFactory<planning::Program>? _planning;
    private readonly List<string> _databases = [];

    public TravellingClock Clock { get; } = new() { Now = new DateTimeOffset(2025, 10, 1, 8, 0, 0, TimeSpan.FromHours(7)) };

    public TestServers Servers { get; private set; } = null!;

    public Uri VirtualHost { get; private set; } = null!;

    public WebApplicationFactory<Program> Reporting => _reporting!;

    public HttpClient Client(string token)
    {
        var client = Reporting.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Planning(string token)
    {
        var client = _planning!.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask InitializeAsync()
    {
        Servers = await TestServers.GetAsync();
        VirtualHost = await Servers.CreateVirtualHostAsync("namtrieu");
        var reportingDb = await Database("reportingdb");
        var planningDb = await Database("planningdb");

        // ActivityReporting first, so its queue is bound before Planning publishes the sample plan.
        _reporting = new WebApplicationFactory<Program>().OnTestServers("reportingdb", reportingDb, VirtualHost, host =>
            host.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
        _reporting.StartServer();
        _planning = new WebApplicationFactory<planning::Program>().OnTestServers("planningdb", planningDb, VirtualHost, host => host.UseSetting("SampleData:Enabled", "true"));
        _planning.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        if (_planning is not null)
        {
            await _planning.DisposeAsync();
        }

        if (_reporting is not null)
        {
            await _reporting.DisposeAsync();
        }

        foreach (var database in _databases)
        {
            await Servers.DropDatabaseAsync(database);
        }

        if (VirtualHost is not null)
        {
            await Servers.DeleteVirtualHostAsync(VirtualHost);
        }
    }

    private async Task<string> Database(string name)
    {
        var database = await Servers.CreateDatabaseAsync(name);
        _databases.Add(database);
        return database;
    }
}
