using LearningWeek.ActivityReporting.LibraryFund;
using LearningWeek.Contracts.LibraryFund;
using LearningWeek.Testing;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace LearningWeek.ActivityReporting.Tests.Api;

/// <summary>LibraryFund's events, delivered twice and cancelled: the 3.5 figures of the plan come out right.</summary>
public sealed class LibraryFundConsumerTests(ActivityReportingService service) : IClassFixture<ActivityReportingService>
{
    private const string Ward = "HP-NAMTRIEU";

    [Fact]
    public async Task Redelivered_events_count_once_and_a_cancellation_takes_back_what_did_not_arrive_in_any_order()
    {
        var planId = Guid.NewGuid();
        var money = Guid.NewGuid();
        var person = Guid.NewGuid();
        var pledged = new DonationPledged(money, planId, Ward, "organisation", "Công ty TNHH Vận tải biển Nam Triệu", "money", "Tiền mặt", 20_000_000, 20_000_000,
            "TH-TAMHUNG", null, DateTimeOffset.UtcNow, Guid.NewGuid(), 1);
        var received = new DonationReceived(money, planId, Ward, "money", "PT-1", new DateOnly(2025, 10, 6), 15_000_000, 15_000_000, DateTimeOffset.UtcNow, Guid.NewGuid(), 2);
        var books = new DonationReceived(Guid.NewGuid(), planId, Ward, "books", "PN-1", new DateOnly(2025, 10, 6), 200, 10_000_000, DateTimeOffset.UtcNow, Guid.NewGuid(), 3);

        await Publish(pledged);
        await Publish(pledged);
        await Publish(received);
        await Publish(received);
        await Publish(books);
        // The cancellation overtakes its pledge (a retry, a redelivery): the count still comes out right.
        await Publish(new PledgeCancelled(person, planId, Ward, "money", 2_000_000, 2_000_000, DateTimeOffset.UtcNow, Guid.NewGuid(), 5));
        await Publish(new DonationPledged(person, planId, Ward, "individual", null, "money", "Tiền mặt", 2_000_000, 2_000_000, null, null, DateTimeOffset.UtcNow, Guid.NewGuid(), 4));
        await Publish(new DonationAllocated(money, planId, Ward, "money", Guid.NewGuid(), 10_000_000, 10_000_000, DateTimeOffset.UtcNow, Guid.NewGuid(), 6));
        await Publish(new BookshelfEstablished(Guid.NewGuid(), planId, Ward, "NVH-TDP3", "digital", "Tủ sách số", "Nhà văn hoá", new DateOnly(2025, 10, 3), 0,
            DateTimeOffset.UtcNow, Guid.NewGuid(), 7));
        await Publish(new BookshelfEstablished(Guid.NewGuid(), null, Ward, "NVH-TDP7", "culture-house", "Tủ sách ngoài kế hoạch", "Nhà văn hoá", new DateOnly(2025, 10, 3), 0,
            DateTimeOffset.UtcNow, Guid.NewGuid(), 8));

        await using var session = service.Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        // Each message once, whatever was delivered twice or out of order (a double effect never matches).
        var figures = await Eventually.Get(() => session.LoadAsync<LibraryFundFigures>(planId),
            until: f => f is not null && (f.PledgedVnd, f.ReceivedVnd, f.AllocatedVnd, f.InKindReceivedVnd, f.BooksReceived, f.Bookshelves, f.Donors)
                == (20_000_000L, 15_000_000L, 10_000_000L, 10_000_000L, 200, 1, 1));
        Assert.NotNull(figures);
        // The plan's figures hold totals only; each pledge's tally is a document of its own.
        var stored = await session.Json.FindByIdAsync<LibraryFundFigures>(planId, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(money.ToString(), stored);
        Assert.DoesNotContain(person.ToString(), stored);
        Assert.True((await session.LoadAsync<PledgeTally>(person, TestContext.Current.CancellationToken))?.Counts is false);
    }

    private async Task Publish<T>(T message) where T : class, Contracts.IIntegrationEvent =>
        await service.Factory.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = message.SourceEventId);
}
