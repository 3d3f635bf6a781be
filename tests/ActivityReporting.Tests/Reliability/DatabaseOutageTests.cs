using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningWeek.ActivityReporting.Tests.Api;
using LearningWeek.ActivityReporting.UnitReports;
using LearningWeek.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace LearningWeek.ActivityReporting.Tests.Reliability;

/// <summary>
/// The service's own database away for more than two minutes while Planning's events arrive:
/// requests get a 503 problem, the events are held and retried (never dead-lettered), and once
/// the database is back they are applied, without a restart. The outage's length is the point of
/// the test, so it waits that long on purpose.
/// </summary>
public sealed class DatabaseOutageTests(ActivityReportingService service) : IClassFixture<ActivityReportingService>
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(130);

    [Fact]
    public async Task Events_that_arrive_while_the_database_is_away_for_two_minutes_are_applied_when_it_is_back_and_none_is_dead_lettered()
    {
        var feed = new PlanningFeed(service.Factory.Services);
        var officer = service.CreateClient(TestTokens.WardOfficer(feed.Ward));
        var planId = Guid.NewGuid();
        using (var before = await officer.GetAsync($"/api/reporting/plans/{planId}/progress", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode); // up, and the plan not known yet
        }

        await service.Servers.TakeAwayAsync(service.DatabaseConnectionString);
        try
        {
            await feed.Publish(feed.Issued(planId, PlanningFeed.NextSequence(), ("TH-OUTAGE", "primary"), ("MN-OUTAGE", "kindergarten")));
            await feed.Publish(feed.Registered("THCS-OUTAGE", "lower-secondary", PlanningFeed.NextSequence()));

            using var meanwhile = await officer.GetAsync($"/api/reporting/plans/{planId}/progress", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, meanwhile.StatusCode);
            Assert.Equal("application/problem+json", meanwhile.Content.Headers.ContentType?.MediaType);
            var problem = await meanwhile.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain("Npgsql", problem, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", problem, StringComparison.Ordinal);

            await Task.Delay(Outage, TestContext.Current.CancellationToken);
            Assert.Equal(0, await ErrorQueueCount());
        }
        finally
        {
            await service.Servers.BringBackAsync(service.DatabaseConnectionString);
        }

        var obligations = await Eventually.Get(() => Obligations(planId), until: found => found.Count == 3, TimeSpan.FromSeconds(60));
        Assert.Equal(["MN-OUTAGE", "TH-OUTAGE", "THCS-OUTAGE"], obligations.Select(report => report.UnitCode).Order());
        var progress = await Eventually.Get(() => officer.GetFromJsonAsync<JsonElement>($"/api/reporting/plans/{planId}/progress"),
            until: p => p.GetProperty("ward").GetProperty("expected").GetInt32() == 3);
        Assert.Equal(3, progress.GetProperty("ward").GetProperty("expected").GetInt32());
        Assert.Equal(0, await ErrorQueueCount());
    }

    private async Task<int> ErrorQueueCount()
    {
        var ops = service.CreateClient(TestTokens.Ops());
        var queues = await ops.GetFromJsonAsync<JsonElement>("/api/reporting/dead-letters", TestContext.Current.CancellationToken);
        return queues.EnumerateArray().Sum(queue => queue.GetProperty("messages").GetInt32());
    }

    private async Task<IReadOnlyList<UnitReport>> Obligations(Guid planId)
    {
        await using var session = service.Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<UnitReport>().Where(report => report.PlanId == planId).ToListAsync();
    }
}
