using LearningWeek.ActivityReporting.UnitReports;
using LearningWeek.EventSourcing;
using Marten;
using MassTransit;
using Public = LearningWeek.Contracts.Planning;
using LearningWeek.EventSourcing.Following;

namespace LearningWeek.ActivityReporting.Plans;

/// <summary>
/// Keeps this service's view of plans and units from Planning's integration events, and opens,
/// moves and withdraws the units' reporting obligations accordingly. Each message is handled in
/// one Marten transaction with its inbox record, so a redelivery has no second effect; the
/// decisions compare source sequences, so an event that arrives late does not undo a newer one.
/// </summary>
public sealed class PlanningEventsConsumer(IDocumentStore store, TimeProvider clock) :
    IConsumer<Public.PlanIssued>,
    IConsumer<Public.PlanAmended>,
    IConsumer<Public.PlanClosed>,
    IConsumer<Public.UnitRegistered>,
    IConsumer<Public.UnitRenamed>,
    IConsumer<Public.UnitDeactivated>
{
    public const string InboxName = "planning-events";

    public Task Consume(ConsumeContext<Public.PlanIssued> context) => Handle(context.Message.SourceEventId, async session =>
    {
        var e = context.Message;
        var plan = await session.LoadAsync<ReportingPlan>(e.PlanId) ?? new ReportingPlan { Id = e.PlanId };
        plan = plan with
        {
            WardCode = e.WardCode,
            HeaderKnown = true,
            Title = e.Title,
            Number = e.Number,
            Year = e.Year,
            IssuingBody = e.IssuingBody,
            ParentAuthority = e.ParentAuthority,
            Place = e.Place,
            Signature = e.Signature is { } s ? new Signature(s.Authority, s.OnBehalfOf, s.Position, s.Signer) : null,
            CityDecision = e.LegalBasis is { } basis ? new CityDecision(basis.DecisionNumber, basis.DecisionDate, basis.Issuer) : null,
            PeriodStart = e.PeriodStart,
            PeriodEnd = e.PeriodEnd,
            IssuedAt = e.OccurredAt,
        };
        if (e.SourceSequence > plan.ScheduleSequence)
        {
            plan = plan with
            {
                Lines = Lines(e.ActivityLines),
                Audiences = Audiences(e.Audiences),
                UnitsReportBefore = e.UnitsReportBefore,
                UnitsReportDueAt = e.UnitsReportDueAt,
                WardReportBefore = e.WardReportBefore,
                WardReportDueAt = e.WardReportDueAt,
                ScheduleSequence = e.SourceSequence,
            };
        }

        session.Store(plan);
        var known = (await session.Query<KnownUnit>().Where(unit => unit.WardCode == e.WardCode).ToListAsync()).ToDictionary(unit => unit.Id);
        var targets = e.TargetUnits.ToDictionary(target => target.UnitCode, target => target.Kind);
        foreach (var unit in known.Values.Where(unit => unit.Active && plan.ExpectsReportFrom(unit.Id, unit.Kind)))
        {
            targets.TryAdd(unit.Id, unit.Kind);
        }

        foreach (var (code, kind) in targets)
        {
            await Decide(session, plan.Id, code, existing => Obligations.Open(existing, plan, code, kind, known.GetValueOrDefault(code), clock.GetUtcNow()));
        }
    });

    public Task Consume(ConsumeContext<Public.PlanAmended> context) => Handle(context.Message.SourceEventId, async session =>
    {
        var e = context.Message;
        var plan = await session.LoadAsync<ReportingPlan>(e.PlanId) ?? new ReportingPlan { Id = e.PlanId, WardCode = e.WardCode };
        if (e.SourceSequence <= plan.ScheduleSequence)
        {
            return; // a later amendment is already applied
        }

        plan = plan with
        {
            Lines = Lines(e.ActivityLines),
            Audiences = Audiences(e.Audiences),
            UnitsReportBefore = e.UnitsReportBefore,
            UnitsReportDueAt = e.UnitsReportDueAt,
            WardReportBefore = e.WardReportBefore,
            WardReportDueAt = e.WardReportDueAt,
            ScheduleSequence = e.SourceSequence,
        };
        session.Store(plan);
        foreach (var obligation in await session.Query<UnitReport>().Where(report => report.PlanId == e.PlanId).ToListAsync())
        {
            await Decide(session, plan.Id, obligation.UnitCode, existing => Obligations.ChangeDue(existing!, plan, clock.GetUtcNow()));
        }
    });

    public Task Consume(ConsumeContext<Public.PlanClosed> context) => Handle(context.Message.SourceEventId, async session =>
    {
        var e = context.Message;
        var plan = await session.LoadAsync<ReportingPlan>(e.PlanId) ?? new ReportingPlan { Id = e.PlanId, WardCode = e.WardCode };
        session.Store(plan with { Closed = true });
    });

    public Task Consume(ConsumeContext<Public.UnitRegistered> context) => Handle(context.Message.SourceEventId, async session =>
    {
        var e = context.Message;
        var unit = KnownUnit.Registered(await session.LoadAsync<KnownUnit>(e.UnitCode), e);
        session.Store(unit);
        var plans = await session.Query<ReportingPlan>().Where(plan => plan.WardCode == e.WardCode && plan.HeaderKnown && !plan.Closed).ToListAsync();
        foreach (var plan in plans.Where(plan => plan.ExpectsReportFrom(unit.Id, unit.Kind)))
        {
            await Decide(session, plan.Id, unit.Id, existing => Obligations.Open(existing, plan, unit.Id, unit.Kind, unit, clock.GetUtcNow()));
        }
    });

    public Task Consume(ConsumeContext<Public.UnitRenamed> context) => Handle(context.Message.SourceEventId, async session =>
    {
        var e = context.Message;
        if (KnownUnit.Renamed(await session.LoadAsync<KnownUnit>(e.UnitCode), e) is { } renamed)
        {
            session.Store(renamed);
        }
    });

    public Task Consume(ConsumeContext<Public.UnitDeactivated> context) => Handle(context.Message.SourceEventId, async session =>
    {
        var e = context.Message;
        if (KnownUnit.Deactivated(await session.LoadAsync<KnownUnit>(e.UnitCode), e) is not { } deactivated)
        {
            return;
        }

        session.Store(deactivated);
        foreach (var obligation in await session.Query<UnitReport>().Where(report => report.UnitCode == e.UnitCode).ToListAsync())
        {
            await Decide(session, obligation.PlanId, e.UnitCode, existing => Obligations.Withdraw(existing!, e.SourceSequence, clock.GetUtcNow()));
        }
    });

    private Task Handle(Guid messageId, Func<IDocumentSession, Task> effects) => store.RunOnceAsync(InboxName, messageId, clock, effects);

    private static async Task Decide(IDocumentSession session, Guid planId, string unitCode, Func<UnitReport?, Decision> decide)
    {
        var streamId = UnitReport.StreamId(planId, unitCode);
        var stream = await session.Events.FetchForWriting<UnitReport>(streamId);
        var decision = decide(stream.Aggregate);
        if (decision.Events.Count > 0)
        {
            stream.AppendMany(decision.Events);
        }
    }

    private static IReadOnlyList<PlanLine> Lines(IEnumerable<Public.PlanActivityLine> lines) =>
        [.. lines.Select(line => new PlanLine(line.Code, line.Title, line.TargetKinds))];

    private static IReadOnlyList<PlanAudience> Audiences(IEnumerable<Public.PlanAudience> audiences) =>
        [.. audiences.Select(audience => new PlanAudience(audience.Title, audience.Kinds, audience.UnitCodes, audience.ReportsToWard))];
}

/// <summary>One queue for Planning's events, handled one at a time: they are few, and order keeps them simple.</summary>
public sealed class PlanningEventsConsumerDefinition : ConsumerDefinition<PlanningEventsConsumer>
{
    public const string Queue = "activity-reporting.planning-events";

    public PlanningEventsConsumerDefinition()
    {
        EndpointName = Queue;
        ConcurrentMessageLimit = 1;
    }
}
