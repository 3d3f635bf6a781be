using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningWeek.Testing;
using Marten.Events.Daemon.Coordination;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LearningWeek.Planning.Tests.Api;

/// <summary>
/// The <c>integration-events</c> health check tells the publisher's real lag, read from the
/// store: it turns Degraded when the publishing subscription stops while events wait (once the
/// oldest has waited longer than allowed), and says how many wait and for how long; Healthy again
/// once they are out.
/// </summary>
public sealed class PublisherHealthTests(PublisherHealthTests.QuickToWorryService service) : IClassFixture<PublisherHealthTests.QuickToWorryService>
{
    private const string Shard = "IntegrationEvents:All";

    [Fact]
    public async Task A_stopped_publisher_with_events_waiting_turns_the_service_Degraded_and_says_how_many()
    {
        var officer = service.CreateClient(TestTokens.WardOfficer());
        var coordinator = service.Factory.Services.GetRequiredService<IProjectionCoordinator>();
        var daemon = coordinator.DaemonForMainDatabase();
        await Eventually.Get(() => Task.FromResult(daemon.CurrentAgents().Any(agent => agent.Name.Identity == Shard)), until: running => running);
        Assert.Equal("Healthy", (await Check()).GetProperty("status").GetString());

        // Paused through the coordinator: an agent stopped on the daemon alone is started again by
        // the coordinator's own loop about 5 s later, which raced the 3 s stall threshold.
        await coordinator.PauseAsync();
        try
        {
            foreach (var code in new[] { "LAG-01", "LAG-02", "LAG-03" })
            {
                using var response = await officer.PostAsJsonAsync("/api/planning/units", new { code, name = $"Đơn vị {code}", kind = "primary" }, cancellationToken: TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }

            var stalled = await Eventually.Get(Check, until: check => check.GetProperty("status").GetString() == "Degraded");
            Assert.Equal(3, stalled.GetProperty("data").GetProperty("unpublished").GetInt32());
            Assert.Contains("3 events wait", stalled.GetProperty("description").GetString());
        }
        finally
        {
            await coordinator.ResumeAsync();
        }

        var recovered = await Eventually.Get(Check, until: check => check.GetProperty("status").GetString() == "Healthy", TimeSpan.FromSeconds(30));
        Assert.Equal(0, recovered.GetProperty("data").GetProperty("unpublished").GetInt32());
    }

    /// <summary>Planning, counting its publisher stalled after 3 s instead of 30 s.</summary>
    public sealed class QuickToWorryService : ServiceFixture<Program>
    {
        protected override string ConnectionName => "planningdb";

        protected override void ConfigureHost(IWebHostBuilder host) => host.UseSetting("Publishing:StalledAfter", "00:00:03");
    }

    private async Task<JsonElement> Check()
    {
        var report = await service.CreateClient().GetFromJsonAsync<JsonElement>("/health", TestContext.Current.CancellationToken);
        return report.GetProperty("checks").GetProperty("integration-events");
    }
}
