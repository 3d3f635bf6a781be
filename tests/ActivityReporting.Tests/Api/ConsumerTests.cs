using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LearningWeek.ActivityReporting.UnitReports;
using LearningWeek.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace LearningWeek.ActivityReporting.Tests.Api;

/// <summary>Planning's events delivered twice, late, out of order, or broken: the obligations come out right.</summary>
public sealed class ConsumerTests(ActivityReportingService service) : IClassFixture<ActivityReportingService>
{
    private readonly PlanningFeed _feed = new(service.Factory.Services);

    [Fact]
    public async Task A_plan_delivered_twice_opens_each_obligation_once()
    {
        var planId = Guid.NewGuid();
        var issued = _feed.Issued(planId, PlanningFeed.NextSequence(), ("TH-TAMHUNG", "primary"), ("HPN-NAMTRIEU", "mass-organisation"));

        await _feed.Publish(issued);
        await _feed.Publish(issued);

        var reports = await Eventually.Get(() => Obligations(planId), until: found => found.Count == 2);
        Assert.Equal(["HPN-NAMTRIEU", "TH-TAMHUNG"], reports.Select(report => report.UnitCode).Order());
        // The consumer takes one message at a time, in order: once a later plan is in, the second
        // delivery has been handled too; it must not have added events.
        var later = Guid.NewGuid();
        await _feed.Publish(_feed.Issued(later, PlanningFeed.NextSequence(), ("MN-TAMHUNG", "kindergarten")));
        await Eventually.Get(() => Obligations(later), until: found => found.Count == 1);
        await using var session = Store().QuerySession();
        var streamIds = reports.Select(report => report.Id).ToList();
        Assert.Equal(2, await session.Events.QueryAllRawEvents().CountAsync(e => streamIds.Contains(e.StreamId), token: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_amendment_that_arrives_before_its_plan_still_sets_the_due_instant()
    {
        var planId = Guid.NewGuid();
        var issuedSequence = PlanningFeed.NextSequence();
        var amended = _feed.Amended(planId, issuedSequence + 5, new DateOnly(2026, 10, 18));

        await _feed.Publish(amended);
        await _feed.Publish(_feed.Issued(planId, issuedSequence, ("TH-PHULE", "primary")));

        var report = (await Eventually.Get(() => Obligations(planId), until: found => found.Count == 1)).Single();
        Assert.Equal(EventSourcing.VietnamTime.StartOf(new DateOnly(2026, 10, 18)), report.DueAt);
    }

    [Fact]
    public async Task A_deactivation_that_overtakes_the_registration_leaves_the_unit_without_obligation()
    {
        var planId = Guid.NewGuid();
        await _feed.Publish(_feed.Issued(planId, PlanningFeed.NextSequence()));
        var registered = _feed.Registered("TH-MOI", "primary", PlanningFeed.NextSequence());
        var deactivated = _feed.Deactivated("TH-MOI", PlanningFeed.NextSequence());
        var control = _feed.Registered("TH-KHAC", "primary", PlanningFeed.NextSequence());

        await _feed.Publish(deactivated);
        await _feed.Publish(registered);
        await _feed.Publish(control);

        var reports = await Eventually.Get(() => Obligations(planId), until: found => found.Count >= 1);
        Assert.Equal(["TH-KHAC"], reports.Select(report => report.UnitCode));
    }

    [Fact]
    public async Task A_unit_registered_after_the_plan_is_expected_and_a_deactivated_one_no_longer()
    {
        var planId = Guid.NewGuid();
        await _feed.Publish(_feed.Issued(planId, PlanningFeed.NextSequence(), ("TH-LAPLE", "primary")));
        await _feed.Publish(_feed.Registered("MN-MOI", "kindergarten", PlanningFeed.NextSequence()));
        await _feed.Publish(_feed.Deactivated("TH-LAPLE", PlanningFeed.NextSequence()));

        var reports = await Eventually.Get(() => Obligations(planId),
            until: found => found.Count == 2 && found.Any(report => report.Status == UnitReportStatus.Withdrawn));
        Assert.Equal(UnitReportStatus.Open, reports.Single(report => report.UnitCode == "MN-MOI").Status);
        Assert.Equal(UnitReportStatus.Withdrawn, reports.Single(report => report.UnitCode == "TH-LAPLE").Status);
    }

    [Fact]
    public async Task A_malformed_message_goes_to_the_error_queue_and_the_consumer_keeps_consuming()
    {
        var factory = new ConnectionFactory { Uri = service.Servers.AdministratorOn(service.VirtualHost) };
        await using (var connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken))
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            // A CloudEvent of the contract whose data cannot be read, and a body that is no CloudEvent at all.
            string[] bodies =
            [
                """{"specversion":"1.0","id":"6c1d4a2e-0000-4000-8000-000000000001","source":"urn:learningweek:planning","type":"learningweek.planning.plan-issued.v1","datacontenttype":"application/json","data":{"planId":"not-a-guid"}}""",
                "not json",
            ];
            foreach (var body in bodies)
            {
                await channel.BasicPublishAsync("activity-reporting.planning-events", "", mandatory: false,
                    new BasicProperties { ContentType = "application/cloudevents+json", MessageId = "6c1d4a2e-0000-4000-8000-000000000001" },
                    Encoding.UTF8.GetBytes(body), cancellationToken: TestContext.Current.CancellationToken);
            }
        }

        var planId = Guid.NewGuid();
        await _feed.Publish(_feed.Issued(planId, PlanningFeed.NextSequence(), ("THCS-TAMHUNG", "lower-secondary")));

        Assert.Single(await Eventually.Get(() => Obligations(planId), until: found => found.Count == 1));
        using var management = service.Servers.ManagementClient();
        var errors = await Eventually.Get(
            async () => await management.GetFromJsonAsync<JsonElement>($"api/queues/{service.VirtualHost.AbsolutePath.TrimStart('/')}/activity-reporting.planning-events_error"),
            until: queue => queue.TryGetProperty("messages", out var count) && count.GetInt32() >= 2, TimeSpan.FromSeconds(60));
        Assert.Equal(2, errors.GetProperty("messages").GetInt32());

        // The service says so, and ops see what failed and why.
        var health = await Eventually.Get(() => service.CreateClient().GetFromJsonAsync<JsonElement>("/health"),
            until: report => report.GetProperty("checks").GetProperty("error-queues").GetProperty("status").GetString() == "Degraded");
        Assert.Contains("activity-reporting.planning-events_error: 2", health.GetProperty("checks").GetProperty("error-queues").GetProperty("description").GetString());
        var ops = service.CreateClient(TestTokens.Ops());
        var listed = await ops.GetFromJsonAsync<JsonElement>("/api/reporting/dead-letters", TestContext.Current.CancellationToken);
        var queue = listed.EnumerateArray().Single(q => q.GetProperty("queue").GetString() == "activity-reporting.planning-events");
        Assert.Equal(2, queue.GetProperty("messages").GetInt32());
        Assert.Equal("learningweek.planning.plan-issued.v1", queue.GetProperty("first")[0].GetProperty("type").GetString());
        Assert.All(queue.GetProperty("first").EnumerateArray(), letter => Assert.False(string.IsNullOrWhiteSpace(letter.GetProperty("reason").GetString())));
        using (var officer = await service.CreateClient(TestTokens.WardOfficer()).GetAsync("/api/reporting/dead-letters", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Forbidden, officer.StatusCode);
        }

        // Re-driven, they are consumed again: still broken, they come back to the error queue.
        using var redriven = await ops.PostAsync("/api/reporting/dead-letters/activity-reporting.planning-events/redrive", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, redriven.StatusCode);
        Assert.Equal(2, (await redriven.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("moved").GetInt32());
        var back = await Eventually.Get(() => ops.GetFromJsonAsync<JsonElement>("/api/reporting/dead-letters"),
            until: list => list.EnumerateArray().Single(q => q.GetProperty("queue").GetString() == "activity-reporting.planning-events").GetProperty("messages").GetInt32() == 2
                && list.EnumerateArray().Single(q => q.GetProperty("queue").GetString() == "activity-reporting.planning-events").GetProperty("first").EnumerateArray()
                    .All(letter => letter.GetProperty("reason").GetString() is { Length: > 0 }));
        Assert.Equal(2, back.EnumerateArray().Single(q => q.GetProperty("queue").GetString() == "activity-reporting.planning-events").GetProperty("messages").GetInt32());
        using var unknown = await ops.PostAsync("/api/reporting/dead-letters/no-such-queue/redrive", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<IReadOnlyList<UnitReport>> Obligations(Guid planId)
    {
        await using var session = Store().QuerySession();
        return await session.Query<UnitReport>().Where(report => report.PlanId == planId).ToListAsync();
    }

    private IDocumentStore Store() => service.Factory.Services.GetRequiredService<IDocumentStore>();
}
