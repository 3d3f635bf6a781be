using System.Net;
using System.Net.Http.Json;
using LearningWeek.EventSourcing.Following;
using LearningWeek.LibraryFund.Funds;
using LearningWeek.LibraryFund.Tests.Api;
using LearningWeek.Testing;
using Marten;

namespace LearningWeek.LibraryFund.Tests.Reliability;

/// <summary>
/// LibraryFund's own database away for more than a minute while Planning's events arrive:
/// requests get a 503 problem, the events are held and retried (never dead-lettered), and once
/// the database is back they are applied and pledges are taken again, without a restart. The
/// outage's length is the point of the test, so it waits that long on purpose.
/// </summary>
public sealed class DatabaseOutageTests(LibraryFundService service) : IClassFixture<LibraryFundService>
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(65);

    [Fact]
    public async Task Events_that_arrive_while_the_database_is_away_for_a_minute_are_applied_when_it_is_back_and_none_is_dead_lettered()
    {
        var ward = await FundWard.OpenAsync(service);
        var (pledged, _) = await ward.PledgeAsync(ward.MoneyPledge(5_000_000)); // acknowledged before the outage
        var nextPlan = ward.Issued() with { PlanId = Guid.NewGuid() }; // a new event id and sequence, a second plan
        var newUnit = ward.Registered($"MN-{Guid.NewGuid():N}"[..9].ToUpperInvariant(), "Trường Mầm non Hoa Sen", "kindergarten");

        await service.Servers.TakeAwayAsync(service.DatabaseConnectionString);
        try
        {
            await ward.Publish(nextPlan);
            await ward.Publish(newUnit);

            using var refused = await ward.Officer.PostAsJsonAsync("/api/library-fund/pledges", ward.MoneyPledge(7_000_000), TestContext.Current.CancellationToken);
            using var reading = await ward.Officer.GetAsync($"/api/library-fund/pledges/{pledged}", TestContext.Current.CancellationToken);
            foreach (var response in new[] { refused, reading })
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var problem = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Assert.DoesNotContain("Npgsql", problem, StringComparison.Ordinal);
                Assert.DoesNotContain(" at ", problem, StringComparison.Ordinal);
            }

            await Task.Delay(Outage, TestContext.Current.CancellationToken);
            Assert.Equal(0, await service.Servers.DeadLetteredAsync(service.VirtualHost));
        }
        finally
        {
            await service.Servers.BringBackAsync(service.DatabaseConnectionString);
        }

        await using var session = ward.Store.QuerySession();
        var applied = await Eventually.Get(
            async () => (await session.LoadAsync<Fund>(nextPlan.PlanId), await session.LoadAsync<KnownUnit>(newUnit.UnitCode)),
            until: found => found.Item1 is { Issued: true } && found.Item2 is not null, TimeSpan.FromSeconds(60));
        Assert.Equal(ward.Ward, applied.Item1!.WardCode);

        using var kept = await ward.Officer.GetAsync($"/api/library-fund/pledges/{pledged}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        var (afterwards, _) = await ward.PledgeAsync(ward.MoneyPledge(3_000_000)); // taken again, no restart
        Assert.NotEqual(Guid.Empty, afterwards);
        Assert.Equal(0, await service.Servers.DeadLetteredAsync(service.VirtualHost));
    }
}
