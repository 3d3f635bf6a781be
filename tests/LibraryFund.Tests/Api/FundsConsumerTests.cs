using System.Net;
using System.Net.Http.Json;
using LearningWeek.LibraryFund.Funds;
using LearningWeek.Testing;
using Marten;
using LearningWeek.EventSourcing.Following;

namespace LearningWeek.LibraryFund.Tests.Api;

/// <summary>Funds and units from Planning's events, delivered late, out of order or at once.</summary>
public sealed class FundsConsumerTests(LibraryFundService service) : IClassFixture<LibraryFundService>
{
    [Fact]
    public async Task A_plan_issued_later_opens_its_fund_and_closing_it_stops_new_pledges()
    {
        var ward = await FundWard.OpenAsync(service);
        var issued = ward.Issued() with { PlanId = Guid.NewGuid(), Title = "Kế hoạch bổ sung" };
        var pledge = new
        {
            planId = issued.PlanId,
            donor = new { kind = "organisation", name = "Công ty TNHH Thương mại Tam Hưng" },
            giftKind = "money",
            quantity = 1_000_000,
        };
        using (var early = await ward.Officer.PostAsJsonAsync("/api/library-fund/pledges", pledge, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        }

        await ward.Publish(issued);
        using var accepted = await Eventually.Get(() => ward.Officer.PostAsJsonAsync("/api/library-fund/pledges", pledge), until: r => r.StatusCode != HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);

        await ward.Publish(new Contracts.Planning.PlanClosed(issued.PlanId, ward.Ward, "Kết thúc năm học", DateTimeOffset.UtcNow, Guid.NewGuid(), issued.SourceSequence + 1));
        using var refused = await Eventually.Get(() => ward.Officer.PostAsJsonAsync("/api/library-fund/pledges", pledge), until: r => r.StatusCode != HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("urn:learningweek:problem:plan-closed", (await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_rename_that_overtakes_the_registration_keeps_the_newer_name()
    {
        var ward = await FundWard.OpenAsync(service);
        var code = $"TH-R{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var registered = ward.Registered(code, "Trường Tiểu học Phả Lễ", "primary");
        var renamed = new Contracts.Planning.UnitRenamed(code, "Trường Tiểu học Phả Lễ (cơ sở 2)", ward.Ward, DateTimeOffset.UtcNow, Guid.NewGuid(), registered.SourceSequence + 5);

        await ward.Publish(renamed);
        await ward.Publish(registered);

        await using var session = ward.Store.QuerySession();
        var unit = await Eventually.Get(() => session.LoadAsync<KnownUnit>(code), until: found => found is { Kind: "primary" });
        Assert.Equal(("Trường Tiểu học Phả Lễ (cơ sở 2)", true), (unit!.Name, unit.Active));
    }

    [Fact]
    public async Task Planning_events_delivered_twice_and_out_of_order_leave_the_newest_state_each_handled_once()
    {
        var ward = await FundWard.OpenAsync(service);
        var issued = ward.Issued() with { PlanId = Guid.NewGuid(), Title = "Kế hoạch năm học mới", SourceEventId = Guid.NewGuid() };
        var code = $"TH-D{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var registered = ward.Registered(code, "Trường Tiểu học Đôi", "primary");
        var deactivated = new Contracts.Planning.UnitDeactivated(code, ward.Ward, "Sáp nhập", DateTimeOffset.UtcNow, Guid.NewGuid(), registered.SourceSequence + 5);
        var control = ward.Registered($"TH-C{Guid.NewGuid():N}"[..12].ToUpperInvariant(), "Trường Tiểu học Đối chứng", "primary");

        // The deactivation overtakes the registration, and every event comes twice.
        foreach (var message in new Contracts.IIntegrationEvent[] { deactivated, issued, registered, registered, deactivated, issued })
        {
            await ward.PublishEvent(message);
        }

        await ward.Publish(control); // one message at a time, in order: once it is in, so are the others

        await using var session = ward.Store.QuerySession();
        await Eventually.Get(() => session.LoadAsync<KnownUnit>(control.UnitCode), until: found => found is not null);
        var unit = await session.LoadAsync<KnownUnit>(code, TestContext.Current.CancellationToken);
        Assert.Equal(("Trường Tiểu học Đôi", false), (unit!.Name, unit.Active));
        var fund = await session.LoadAsync<Fund>(issued.PlanId, TestContext.Current.CancellationToken);
        Assert.Equal(("Kế hoạch năm học mới", true), (fund!.Title, fund.Issued));
        var ids = new[] { issued.SourceEventId, registered.SourceEventId, deactivated.SourceEventId };
        var handled = await session.Query<EventSourcing.ProcessedMessage>()
            .Where(message => message.Consumer == FundsConsumer.InboxName && ids.Contains(message.MessageId))
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ids.Order(), handled.Select(message => message.MessageId).Order()); // each once
    }

    [Fact]
    public async Task Two_writers_of_one_unit_at_once_cannot_both_win()
    {
        var ward = await FundWard.OpenAsync(service);
        await using var first = ward.Store.LightweightSession();
        await using var second = ward.Store.LightweightSession();
        var seenByFirst = (await first.LoadAsync<KnownUnit>(ward.School, TestContext.Current.CancellationToken))!;
        var seenBySecond = (await second.LoadAsync<KnownUnit>(ward.School, TestContext.Current.CancellationToken))!;

        first.Update(seenByFirst with { Name = "Tên mới 1" });
        second.Update(seenBySecond with { Name = "Tên mới 2" });
        await first.SaveChangesAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<JasperFx.ConcurrencyException>(() => second.SaveChangesAsync(TestContext.Current.CancellationToken));
        await using var query = ward.Store.QuerySession();
        Assert.Equal("Tên mới 1", (await query.LoadAsync<KnownUnit>(ward.School, TestContext.Current.CancellationToken))!.Name);
    }
}
