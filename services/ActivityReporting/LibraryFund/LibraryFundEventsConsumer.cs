using LearningWeek.EventSourcing;
using Marten;
using MassTransit;
using Public = LearningWeek.Contracts.LibraryFund;

namespace LearningWeek.ActivityReporting.LibraryFund;

/// <summary>
/// Keeps each plan's activity-line 3.5 figures from LibraryFund's integration events: money
/// pledged, received and allocated; gifts in kind received (value, books); bookshelves and digital
/// resources. One Marten transaction per message with its inbox record, so a redelivery counts nothing twice.
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

    public Task Consume(ConsumeContext<Public.DonationPledged> context) => Handle(context.Message.PlanId, context.Message.SourceEventId, figures =>
    {
        var e = context.Message;
        if (!figures.Pledges.TryAdd(e.PledgeId, new PledgedGift(e.GiftKind, e.Quantity)))
        {
            return;
        }

        figures.Donors++;
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

    public Task Consume(ConsumeContext<Public.PledgeCancelled> context) => Handle(context.Message.PlanId, context.Message.SourceEventId, figures =>
    {
        var e = context.Message;
        if (e.GiftKind == Money)
        {
            figures.PledgedVnd -= e.UnreceivedQuantity;
        }

        if (figures.Pledges.TryGetValue(e.PledgeId, out var pledged) && e.UnreceivedQuantity >= pledged.Quantity)
        {
            figures.Donors--;
        }
    });

    public Task Consume(ConsumeContext<Public.BookshelfEstablished> context) =>
        Handle(context.Message.PlanId, context.Message.SourceEventId, figures => figures.Bookshelves++);

    public Task Consume(ConsumeContext<Public.DigitalResourceAdded> context) =>
        Handle(context.Message.PlanId, context.Message.SourceEventId, figures => figures.DigitalResources++);

    private Task Handle(Guid? planId, Guid messageId, Action<LibraryFundFigures> apply) => planId is not { } id
        ? Task.CompletedTask
        : store.RunOnceAsync(InboxName, messageId, clock, async session =>
        {
            var figures = await session.LoadAsync<LibraryFundFigures>(id) ?? new LibraryFundFigures { Id = id };
            apply(figures);
            figures.UpdatedAt = clock.GetUtcNow();
            session.Store(figures);
        });
}

public sealed class LibraryFundEventsConsumerDefinition : ConsumerDefinition<LibraryFundEventsConsumer>
{
    public LibraryFundEventsConsumerDefinition()
    {
        EndpointName = "activity-reporting.library-fund-events";
        ConcurrentMessageLimit = 1;
    }
}
