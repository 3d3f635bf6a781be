using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using LearningWeek.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LearningWeek.Gateway.Tests;

/// <summary>
/// The gateway as deployed (routes, policies and local-development clients from its
/// configuration, its token issuer on its own fresh database), its clusters pointed at
/// <see cref="EchoBackend"/>s instead of the services; library-fund points at a port that refuses connections, to
/// see what callers get when a service is down. Served by Kestrel; every log record is captured.
/// </summary>
public class GatewayHost : IAsyncLifetime
{
    private readonly List<EchoBackend> _backends = [];
    private readonly RefusingPort _libraryFundDown = new();

    public TestServers Servers { get; private set; } = null!;

    public string Database { get; private set; } = "";

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public EchoBackend Planning => _backends[0];

    public EchoBackend Reporting => _backends[1];

    public FakeLogCollector Logs => Factory.Services.GetFakeLogCollector();

    public HttpClient CreateClient(string? token = null)
    {
        var client = Factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Gets an access token from the gateway's own issuer, as a client system would.</summary>
    public async Task<string> TokenFor(string clientId, string? secret = null)
    {
        using var response = await Factory.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret ?? $"local-{clientId}",
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }

    /// <summary>What the token endpoint answers for these credentials.</summary>
    public Task<System.Net.HttpStatusCode> TokenStatusFor(string clientId, string secret) => TokenStatus(Factory, clientId, secret);

    /// <summary>What a gateway's token endpoint answers for these client credentials.</summary>
    public static async Task<System.Net.HttpStatusCode> TokenStatus(WebApplicationFactory<Program> gateway, string clientId, string secret)
    {
        using var response = await gateway.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        return response.StatusCode;
    }

    /// <summary>An access token of the seeded ward officer <c>canbo.vhxh</c>, signed in as a person.</summary>
    public async Task<string> OfficerTokenAsync()
    {
        using var flow = new SignInFlow(Factory);
        var tokens = await flow.SignInAsync("canbo.vhxh", "local-canbo.vhxh");
        return tokens?.AccessToken ?? throw new InvalidOperationException("canbo.vhxh could not sign in: " + flow.Page);
    }

    /// <summary>A new ward-officer account made through the access API; its user name and first password.</summary>
    public async Task<(string UserName, string Password)> CreateStaffAccountAsync(string userName)
    {
        using var officer = CreateClient(await OfficerTokenAsync());
        using var created = await officer.PostAsJsonAsync("/api/access/users", new { userName, displayName = "Cán bộ thử nghiệm", role = "ward-officer" });
        created.EnsureSuccessStatusCode();
        var body = await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return (userName, body.GetProperty("password").GetString()!);
    }

    public virtual async ValueTask InitializeAsync()
    {
        Servers = await TestServers.GetAsync();
        Database = await Servers.CreateDatabaseAsync("gatewaydb");
        _backends.Add(await EchoBackend.StartAsync("planning"));
        _backends.Add(await EchoBackend.StartAsync("reporting"));

        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:gatewaydb", Database);
            host.UseSetting("Identity:Issuer", "http://localhost/");
            host.UseSetting("ReverseProxy:Clusters:planning:Destinations:planning:Address", Planning.Address.ToString());
            host.UseSetting("ReverseProxy:Clusters:reporting:Destinations:reporting:Address", Reporting.Address.ToString());
            host.UseSetting("ReverseProxy:Clusters:library-fund:Destinations:library-fund:Address", _libraryFundDown.Address.ToString());
            host.UseSetting("RateLimiting:TokenRequestsPerMinute", "1000"); // every test client comes from 127.0.0.1
            Configure(host);
            host.ConfigureLogging(logging => logging.ToTestLog("gateway").AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        });
        Factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0)); // real HTTP on a free loopback port: Kestrel's limits apply as deployed
        Factory.StartServer();
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        foreach (var backend in _backends)
        {
            await backend.DisposeAsync();
        }

        _libraryFundDown.Dispose();

        if (Database.Length > 0)
        {
            await Servers.DropDatabaseAsync(Database);
        }
    }

    /// <summary>Settings of a particular gateway under test.</summary>
    protected virtual void Configure(IWebHostBuilder host)
    {
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);
}

/// <summary>A gateway with a small rate limit and a short timeout on the planning cluster, to see them reached.</summary>
public sealed class TightLimitsGatewayHost : GatewayHost
{
    public const int Burst = 5;

    protected override void Configure(IWebHostBuilder host)
    {
        host.UseSetting("RateLimiting:BurstPerClient", Burst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        host.UseSetting("RateLimiting:RequestsPerSecondPerClient", "1");
        // Short enough to see reached, long enough that no ordinary answer on a loaded machine is cut off.
        host.UseSetting("ReverseProxy:Clusters:planning:HttpRequest:ActivityTimeout", "00:00:03");
    }
}
