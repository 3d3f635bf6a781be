using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningWeek.ActivityReporting.Tests.Api;
using LearningWeek.Testing;

namespace LearningWeek.ActivityReporting.Tests.Reliability;

/// <summary>
/// RabbitMQ away from the service for more than ten seconds while schools go on reporting through
/// the API: every report stored meanwhile reaches a city system's subscriber once the broker is
/// back, each once after de-duplication; the service recovers (publishing and consuming) without
/// a restart, within 30 seconds.
/// </summary>
public sealed class BrokerOutageTests(ActivityReportingService service) : IClassFixture<ActivityReportingService>
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Reports_stored_while_the_broker_is_away_all_reach_a_city_subscriber_and_the_service_recovers_without_restart()
    {
        var feed = new PlanningFeed(service.Factory.Services);
        var planId = Guid.NewGuid();
        await feed.Publish(feed.Issued(planId, PlanningFeed.NextSequence(), ("TH-BROKER", "primary")));
        var school = service.CreateClient(TestTokens.Unit("TH-BROKER", feed.Ward));
        await Eventually.Get(async () => (await school.GetAsync($"/api/reporting/plans/{planId}/units/TH-BROKER/report")).StatusCode,
            until: status => status == HttpStatusCode.OK);
        await using var city = await OutsideSubscriber.StartAsync(service.Servers.AdministratorOn(service.VirtualHost), typeof(Contracts.Reporting.ActivityReported));

        var stored = new List<Guid>();
        service.BrokerLink.Cut();
        try
        {
            // Reports keep arriving for the whole outage; each is stored and acknowledged with 201.
            var outage = Stopwatch.StartNew();
            while (outage.Elapsed < Outage)
            {
                using var response = await school.PostAsJsonAsync("/api/reporting/activities", Activity(planId, stored.Count), TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                stored.Add((await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid());
            }

            Assert.DoesNotContain(city.Received, message => message.Message.GetProperty("planId").GetGuid() == planId);
        }
        finally
        {
            service.BrokerLink.Restore();
        }

        var restored = Stopwatch.StartNew();
        var received = await city.WaitFor(messages => stored.All(id => messages.Any(m => m.Message.GetProperty("activityReportId").GetGuid() == id)), Recovery);
        var health = await Eventually.Get(() => service.CreateClient().GetFromJsonAsync<JsonElement>("/health"),
            until: report => report.GetProperty("status").GetString() == "Healthy", Recovery - restored.Elapsed);

        // Consuming recovered too: a plan Planning issues now gives its unit an obligation.
        var later = Guid.NewGuid();
        await feed.Publish(feed.Issued(later, PlanningFeed.NextSequence(), ("TH-BROKER", "primary")));
        var obligation = await Eventually.Get(async () => (await school.GetAsync($"/api/reporting/plans/{later}/units/TH-BROKER/report")).StatusCode,
            until: status => status == HttpStatusCode.OK, Recovery - restored.Elapsed);

        Assert.True(stored.Count >= 5, $"only {stored.Count} reports in {Outage.TotalSeconds} s");
        var ours = received.Where(message => message.Message.GetProperty("planId").GetGuid() == planId).ToList();
        Assert.Equal(stored.Order(), ours.Select(message => message.Message.GetProperty("activityReportId").GetGuid()).Order()); // each once
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, obligation);
        Assert.True(restored.Elapsed < Recovery, $"recovered after {restored.Elapsed.TotalSeconds:0} s");
    }

    private static object Activity(Guid planId, int index) => new
    {
        planId,
        lineCode = "3.2",
        title = $"Buổi đọc sách số {index + 1}",
        heldOn = "2026-10-02",
        location = "Thư viện trường",
        formats = new[] { "Ngày hội văn hoá đọc" },
        participants = new { students = 40, teachersAndStaff = 3 },
        sessions = 1,
    };
}
