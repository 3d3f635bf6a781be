using LearningWeek.Documents;
using LearningWeek.EventSourcing;
using Marten;
using MassTransit;
using Public = LearningWeek.Contracts.Planning;

namespace LearningWeek.LibraryFund.Funds;

/// <summary>
/// Opens a fund for each issued plan and keeps the ward's units, from Planning's integration
/// events; one Marten transaction per message with its inbox record, so redeliveries have no
/// second effect, and source sequences so late events do not undo newer ones.
/// </summary>
public sealed class FundsConsumer(IDocumentStore store, TimeProvider clock) :
    IConsumer<Public.PlanIssued>,
    IConsumer<Public.UnitRegistered>,
    IConsumer<Public.UnitRenamed>,
    IConsumer<Public.UnitDeactivated>
{
    public const string InboxName = "planning-events";

    public Task Consume(ConsumeContext<Public.PlanIssued> context) => Handle(context.Message.SourceEventId, async session =>
    {
        var e = context.Message;
        if (await session.LoadAsync<Fund>(e.PlanId) is null)
        {
            session.Store(new Fund
            {
                Id = e.PlanId,
                WardCode = e.WardCode,
                Title = e.Title,
                Year = e.Year,
                IssuingBody = e.IssuingBody,
                ParentAuthority = e.ParentAuthority,
                Place = e.Place,
                Signature = e.Signature is { } s ? new DocumentSignature(s.Authority, s.OnBehalfOf, s.Position, s.Signer) : null,
                OpenedAt = clock.GetUtcNow(),
            });
        }
    });

    public Task Consume(ConsumeContext<Public.UnitRegistered> context) => Handle(context.Message.SourceEventId, async session =>
    {
        var e = context.Message;
        var unit = await session.LoadAsync<FundUnit>(e.UnitCode) ?? new FundUnit { Id = e.UnitCode };
        unit = unit with { Kind = e.Kind, WardCode = e.WardCode };
        if (e.SourceSequence > unit.NameSequence)
        {
            unit = unit with { Name = e.Name, NameSequence = e.SourceSequence };
        }

        if (e.SourceSequence > unit.ActiveSequence)
        {
            unit = unit with { Active = true, ActiveSequence = e.SourceSequence };
        }

        session.Store(unit);
    });

    public Task Consume(ConsumeContext<Public.UnitRenamed> context) => Handle(context.Message.SourceEventId, async session =>
    {
        var e = context.Message;
        var unit = await session.LoadAsync<FundUnit>(e.UnitCode) ?? new FundUnit { Id = e.UnitCode, WardCode = e.WardCode };
        if (e.SourceSequence > unit.NameSequence)
        {
            session.Store(unit with { Name = e.Name, NameSequence = e.SourceSequence });
        }
    });

    public Task Consume(ConsumeContext<Public.UnitDeactivated> context) => Handle(context.Message.SourceEventId, async session =>
    {
        var e = context.Message;
        var unit = await session.LoadAsync<FundUnit>(e.UnitCode) ?? new FundUnit { Id = e.UnitCode, WardCode = e.WardCode };
        if (e.SourceSequence > unit.ActiveSequence)
        {
            session.Store(unit with { Active = false, ActiveSequence = e.SourceSequence });
        }
    });

    private Task Handle(Guid messageId, Func<IDocumentSession, Task> effects) => store.RunOnceAsync(InboxName, messageId, clock, effects);
}

public sealed class FundsConsumerDefinition : ConsumerDefinition<FundsConsumer>
{
    public FundsConsumerDefinition()
    {
        EndpointName = "library-fund.planning-events";
        ConcurrentMessageLimit = 1;
    }
}
