using LearningWeek.EventSourcing;
using Marten;
using MassTransit;
using Public = LearningWeek.Contracts.LibraryFund;

namespace LearningWeek.ActivityReporting.LibraryFund;

/// <summary>
/// Keeps each plan's activity-line 3.5 figures from LibraryFund's integration events: money
/// pledged, received and allocated; gifts in kind received (value, books); bookshelves and digital
/// resources. One Marten transaction per message with its inbox record, so a redelivery counts
/// nothing twice; the counts do not depend on the order in which the events arrive.
/// Gifts and bookshelves outside any plan are not part of a plan's report.
/// </summary>
public sealed class LibraryFundEventsConsumer(IDocumentStore store, TimeProvider clock) :
    IConsumer<Public.DonationPledged>,
    IConsumer<Public.DonationReceived>,
    IConsumer<Public.DonationAllocated>,
    IConsumer<Public.PledgeCancelled>,
    IConsumer<Public.BookshelfEstablished>,
    IConsumer<Public.DigitalResourceAdded>
{
    public const string InboxName = "library-fund-events";
    private const string Money = "money";

    public Task Consume(ConsumeContext<Public.DonationPledged> context) => Handle(context.Message.PlanId, context.Message.SourceEventId, async (session, figures) =>
    {
        var e = context.Message;
        await Tally(session, figures, e.PledgeId, tally => tally with { Quantity = e.Quantity });
        if (e.GiftKind == Money)
        {
            figures.PledgedVnd += e.Quantity;
        }
    });

    public Task Consume(ConsumeContext<Public.DonationReceived> context) => Handle(context.Message.PlanId, context.Message.SourceEventId, figures =>
    {
        var e = context.Message;
        switch (e.GiftKind)
        {
            case Money:
                figures.ReceivedVnd += e.Quantity;
                break;
            case "books":
                figures.BooksReceived += (int)e.Quantity;
                figures.InKindReceivedVnd += e.ValueVnd;
                break;
            default:
                figures.InKindReceivedVnd += e.ValueVnd;
                break;
        }
    });

    public Task Consume(ConsumeContext<Public.DonationAllocated> context) => Handle(context.Message.PlanId, context.Message.SourceEventId, figures =>
    {
        if (context.Message.GiftKind == Money)
        {
            figures.AllocatedVnd += context.Message.Quantity;
        }
    });

    public Task Consume(ConsumeContext<Public.PledgeCancelled> context) => Handle(context.Message.PlanId, context.Message.SourceEventId, async (session, figures) =>
    {
        var e = context.Message;
        await Tally(session, figures, e.PledgeId, tally => tally with { WithdrawnOnCancel = e.UnreceivedQuantity });
        if (e.GiftKind == Money)
        {
            figures.PledgedVnd -= e.UnreceivedQuantity;
        }
    });

    public Task Consume(ConsumeContext<Public.BookshelfEstablished> context) =>
        Handle(context.Message.PlanId, context.Message.SourceEventId, figures => figures.Bookshelves++);

    public Task Consume(ConsumeContext<Public.DigitalResourceAdded> context) =>
        Handle(context.Message.PlanId, context.Message.SourceEventId, figures => figures.DigitalResources++);

    private Task Handle(Guid? planId, Guid messageId, Action<LibraryFundFigures> apply) =>
        Handle(planId, messageId, (_, figures) =>
        {
            apply(figures);
            return Task.CompletedTask;
        });

    private Task Handle(Guid? planId, Guid messageId, Func<IDocumentSession, LibraryFundFigures, Task> apply) => planId is not { } id
        ? Task.CompletedTask
        : store.RunOnceAsync(InboxName, messageId, clock, async session =>
        {
            // Optimistic concurrency on the figures (and Insert when new): two instances counting at once cannot lose a count; the loser is retried.
            var existing = await session.LoadAsync<LibraryFundFigures>(id);
            var figures = existing ?? new LibraryFundFigures { Id = id };
            await apply(session, figures);
            figures.UpdatedAt = clock.GetUtcNow();
            if (existing is null)
            {
                session.Insert(figures);
            }
            else
            {
                session.Update(figures);
            }
        });

    /// <summary>Changes the pledge's tally, and the plan's count of pledges by what that change makes of it.</summary>
    private static async Task Tally(IDocumentSession session, LibraryFundFigures figures, Guid pledgeId, Func<PledgeTally, PledgeTally> change)
    {
        var existing = await session.LoadAsync<PledgeTally>(pledgeId);
        var before = existing ?? new PledgeTally(pledgeId, figures.Id, null, null);
        var after = change(before);
        figures.Donors += (after.Counts ? 1 : 0) - (before.Counts ? 1 : 0);
        if (existing is null)
        {
            session.Insert(after);
        }
        else
        {
            session.Update(after);
        }
    }
}

public sealed class LibraryFundEventsConsumerDefinition : ConsumerDefinition<LibraryFundEventsConsumer>
{
    public const string Queue = "activity-reporting.library-fund-events";

    public LibraryFundEventsConsumerDefinition()
    {
        EndpointName = Queue;
        ConcurrentMessageLimit = 1;
    }
}
