extern alias planning;
extern alias reporting;
using System.Net.Http.Headers;
using LearningWeek.LibraryFund.Funds;
using LearningWeek.Testing;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningWeek.LibraryFund.Tests.Api;

/// <summary>
/// Planning, ActivityReporting and LibraryFund side by side on real PostgreSQL (a database each)
/// and one real RabbitMQ virtual host, as in a local run: Planning loads the Nam Triệu 2025 sample
/// and publishes it; LibraryFund opens the plan's fund; ActivityReporting follows the fund's events.
/// </summary>
public sealed class NamTrieuSystem : IAsyncLifetime
{
    private readonly List<string> _databases = [];
    private WebApplicationFactory<Program>? _fund;
    private WebApplicationFactory<reporting::Program>? _reporting;
    private WebApplicationFactory<planning::Program>? _planning;

    public TestServers Servers { get; private set; } = null!;

    public Uri VirtualHost { get; private set; } = null!;

    public IDocumentStore FundStore => _fund!.Services.GetRequiredService<IDocumentStore>();

    public IDocumentStore ReportingStore => _reporting!.Services.GetRequiredService<IDocumentStore>();

    public HttpClient Fund(string? token) => WithToken(_fund!.CreateClient(), token);

    public HttpClient Reporting(string token) => WithToken(_reporting!.CreateClient(), token);

    public HttpClient Planning(string token) => WithToken(_planning!.CreateClient(), token);

    public async ValueTask InitializeAsync()
    {
        Servers = await TestServers.GetAsync();
        VirtualHost = await Servers.CreateVirtualHostAsync("namtrieu-fund");
        var fundDb = await Database("libraryfunddb");
        var reportingDb = await Database("reportingdb");
        var planningDb = await Database("planningdb");

        // The followers first, so their queues are bound before Planning publishes the sample plan.
        _fund = new WebApplicationFactory<Program>().OnTestServers("libraryfunddb", fundDb, VirtualHost);
        _fund.StartServer();
        _reporting = new WebApplicationFactory<reporting::Program>().OnTestServers("reportingdb", reportingDb, VirtualHost);
        _reporting.StartServer();
        _planning = new WebApplicationFactory<planning::Program>().OnTestServers("planningdb", planningDb, VirtualHost, host => host.UseSetting("SampleData:Enabled", "true"));
        _planning.StartServer();
    }

    /// <summary>
    /// Waits until LibraryFund knows the sample's units and the plan's fund is open (Planning
    /// publishes a page of events concurrently across streams, so either may arrive first), and
    /// returns the plan's id.
    /// </summary>
    public async Task<Guid> PlanAsync()
    {
        await using var session = FundStore.QuerySession();
        await Eventually.Get(() => session.Query<EventSourcing.Following.KnownUnit>().CountAsync(unit => unit.WardCode == TestTokens.Ward),
            until: known => known == planning::LearningWeek.Planning.SampleData.NamTrieu2025.Units.Count);
        var funds = await Eventually.Get(() => session.Query<Fund>().Where(fund => fund.WardCode == TestTokens.Ward).ToListAsync(),
            until: found => found.Count == 1);
        return Assert.Single(funds).Id;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new IAsyncDisposable?[] { _planning, _reporting, _fund })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
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

    private static HttpClient WithToken(HttpClient client, string? token)
    {
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private async Task<string> Database(string name)
    {
        var database = await Servers.CreateDatabaseAsync(name);
        _databases.Add(database);
        return database;
    }
}
