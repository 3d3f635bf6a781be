using LearningWeek.Documents;
using LearningWeek.EventSourcing;
using Marten;
using MassTransit;
using Public = LearningWeek.Contracts.Planning;
using LearningWeek.EventSourcing.Following;

namespace LearningWeek.LibraryFund.Funds;

/// <summary>
/// Opens a fund for each issued plan (and closes it to new pledges with the plan) and keeps the
/// ward's units, from Planning's integration events; one Marten transaction per message with its inbox record, so redeliveries have no
/// second effect, and source sequences so late events do not undo newer ones.
/// </summary>
public sealed class FundsConsumer(IDocumentStore store, TimeProvider clock) :
    IConsumer<Public.PlanIssued>,
    IConsumer<Public.PlanClosed>,
    IConsumer<Public.UnitRegistered>,
    IConsumer<Public.UnitRenamed>,
    IConsumer<Public.UnitDeactivated>
{
    public const string InboxName = "planning-events";

    public Task Consume(ConsumeContext<Public.PlanIssued> context) => Handle(context.Message.SourceEventId, async session =>
    {
        var e = context.Message;
        var fund = await session.LoadAsync<Fund>(e.PlanId);
        if (fund is { Issued: true })
        {
            return;
        }

        Save(session, fund, (fund ?? new Fund { Id = e.PlanId }) with
        {
            WardCode = e.WardCode,
            Title = e.Title,
            Year = e.Year,
            IssuingBody = e.IssuingBody,
            ParentAuthority = e.ParentAuthority,
            Place = e.Place,
            Signature = e.Signature is { } s ? new DocumentSignature(s.Authority, s.OnBehalfOf, s.Position, s.Signer) : null,
            OpenedAt = clock.GetUtcNow(),
            Issued = true,
        });
    });

    public Task Consume(ConsumeContext<Public.PlanClosed> context) => Handle(context.Message.SourceEventId, async session =>
    {
        var e = context.Message;
        var fund = await session.LoadAsync<Fund>(e.PlanId);
        Save(session, fund, (fund ?? new Fund { Id = e.PlanId, WardCode = e.WardCode }) with { ClosedAt = e.OccurredAt });
    });

    public Task Consume(ConsumeContext<Public.UnitRegistered> context) => Handle(context.Message.SourceEventId, async session =>
    {
        var existing = await session.LoadAsync<KnownUnit>(context.Message.UnitCode);
        Save(session, existing, KnownUnit.Registered(existing, context.Message));
    });

    public Task Consume(ConsumeContext<Public.UnitRenamed> context) => Handle(context.Message.SourceEventId, async session =>
    {
        var existing = await session.LoadAsync<KnownUnit>(context.Message.UnitCode);
        if (KnownUnit.Renamed(existing, context.Message) is { } renamed)
        {
            Save(session, existing, renamed);
        }
    });

    public Task Consume(ConsumeContext<Public.UnitDeactivated> context) => Handle(context.Message.SourceEventId, async session =>
    {
        var existing = await session.LoadAsync<KnownUnit>(context.Message.UnitCode);
        if (KnownUnit.Deactivated(existing, context.Message) is { } deactivated)
        {
            Save(session, existing, deactivated);
        }
    });

    /// <summary>Insert when new, else update at the version read: two instances handling events of one unit or plan at once cannot lose one (the loser is retried).</summary>
    private static void Save<T>(IDocumentSession session, T? existing, T updated) where T : notnull
    {
        if (existing is null)
        {
            session.Insert(updated);
        }
        else
        {
            session.Update(updated);
        }
    }

    private Task Handle(Guid messageId, Func<IDocumentSession, Task> effects) => store.RunOnceAsync(InboxName, messageId, clock, effects);
}

public sealed class FundsConsumerDefinition : ConsumerDefinition<FundsConsumer>
{
    public const string Queue = "library-fund.planning-events";

    public FundsConsumerDefinition()
    {
        EndpointName = Queue;
        ConcurrentMessageLimit = 1;
    }
}
