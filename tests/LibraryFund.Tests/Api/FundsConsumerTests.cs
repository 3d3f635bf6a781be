using LearningWeek.LibraryFund.Funds;
using LearningWeek.Testing;
using Marten;

namespace LearningWeek.LibraryFund.Tests.Api;

/// <summary>Planning's events delivered twice or out of order: one fund per plan, units as of their newest event.</summary>
public sealed class FundsConsumerTests(LibraryFundService service) : IClassFixture<LibraryFundService>
{
    [Fact]
    public async Task A_plan_delivered_twice_opens_one_fund()
    {
        var ward = await FundWard.OpenAsync(service);
        var issued = ward.Issued();

        await ward.Publish(issued);
        await ward.Publish(issued with { Title = "Bản gửi lại" });

        await using var session = ward.Store.QuerySession();
        var fund = await Eventually.Get(() => session.LoadAsync<Fund>(issued.PlanId), until: found => found is not null);
        await Task.Delay(500);
        Assert.Equal(issued.Title, (await session.LoadAsync<Fund>(issued.PlanId))!.Title);
        Assert.Equal(ward.Ward, fund!.WardCode);
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
        var unit = await Eventually.Get(() => session.LoadAsync<FundUnit>(code), until: found => found is { Kind: "primary" });
        Assert.Equal(("Trường Tiểu học Phả Lễ (cơ sở 2)", true), (unit!.Name, unit.Active));
    }
}
