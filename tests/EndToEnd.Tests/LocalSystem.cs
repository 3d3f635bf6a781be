using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using LearningWeek.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LearningWeek.EndToEnd.Tests;

/// <summary>
/// The whole AppHost in local mode (the machine's own PostgreSQL and RabbitMQ, as on a machine
/// without containers), on fresh databases and a fresh virtual host of the test servers.
/// Started once for the collection: a start costs ~10 s and a stop ~13 s.
/// </summary>
public class LocalSystem : IAsyncLifetime
{
    public static readonly string[] DatabaseNames = ["planningdb", "reportingdb", "libraryfunddb", "gatewaydb"];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    public TestServers Servers { get; private set; } = null!;

    public Dictionary<string, string> Databases { get; } = [];

    public Uri VirtualHost { get; private set; } = null!;

    public DistributedApplication App { get; private set; } = null!;

    public HttpClient CreateGatewayClient() => App.CreateHttpClient("gateway", "http");

    /// <summary>The public URL a person opens (the loopback address the issuer and its cookies use).</summary>
    public Uri PublicUrl => new UriBuilder(App.GetEndpoint("gateway", "http")) { Host = "127.0.0.1" }.Uri;

    /// <summary>A gateway client with a token from the gateway's issuer for a local-development client (secret <c>local-{clientId}</c>).</summary>
    protected virtual string VirtualHostPrefix => "e2e";

    /// <summary>Settings of a particular system under test, before it is built.</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder builder)
    {
    }

    public async Task<HttpClient> SignedInClientAsync(string clientId)
    {
        var client = CreateGatewayClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", await SecurityThroughTheGatewayTests.Token(client, clientId));
        return client;
    }

    public virtual async ValueTask InitializeAsync()
    {
        Servers = await TestServers.GetAsync();
        foreach (var name in DatabaseNames)
        {
            Databases[name] = await Servers.CreateDatabaseAsync(name);
        }

        VirtualHost = await Servers.CreateVirtualHostAsync(VirtualHostPrefix);

        string[] args =
        [
            "--Infrastructure:Mode=local",
            .. Databases.Select(db => $"--ConnectionStrings:{db.Key}={db.Value}"),
            $"--ConnectionStrings:messaging={VirtualHost}",
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.LearningWeek_AppHost>(args);
        // The AppHost's logs and its resources' console output go to the collection's log file.
        builder.Services.AddLogging(logging => logging
            .ToTestLog("apphost")
            .AddFilter("System.Net.Http", LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Error));

        Configure(builder);
        App = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        foreach (var connectionString in Databases.Values)
        {
            await Servers.DropDatabaseAsync(connectionString);
        }

        await Servers.DeleteVirtualHostAsync(VirtualHost);
    }
}

[CollectionDefinition(Name)]
public sealed class LocalSystemCollection : ICollectionFixture<LocalSystem>
{
    public const string Name = "local system";
}

/// <summary>
/// A system of its own for the web application's tests, so the figures its pages show come only
/// from the scenario those tests make (the other end-to-end tests change the sample plan too).
/// </summary>
public sealed class WebSystem : LocalSystem
{
    protected override string VirtualHostPrefix => "web";

    /// <summary>
    /// Every browser and test client here comes from 127.0.0.1, and each sign-in passes the
    /// issuer's per-address limit several times (authorize, the form, the code exchange): the
    /// limit is raised so the story never meets it (the limit itself is tested in Gateway.Tests).
    /// Access tokens last 65 s, so the web application renews them (one minute before they
    /// expire) with the refresh token all through the story, as it does every 14 minutes of a
    /// working day.
    /// </summary>
    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        var gateway = builder.Resources.OfType<ProjectResource>().Single(resource => resource.Name == "gateway");
        builder.CreateResourceBuilder(gateway)
            .WithEnvironment("RateLimiting__TokenRequestsPerMinute", "1000")
            .WithEnvironment("Identity__AccessTokenLifetime", "00:01:05");
    }
}

[CollectionDefinition(Name)]
public sealed class WebSystemCollection : ICollectionFixture<WebSystem>
{
    public const string Name = "web application";
}
