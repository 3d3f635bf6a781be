using JasperFx.Events;
using LearningWeek.Contracts;
using LearningWeek.EventSourcing;
using LearningWeek.EventSourcing.Publishing;
using LearningWeek.Planning.Plans;
using LearningWeek.Planning.Units;
using Public = LearningWeek.Contracts.Planning;

namespace LearningWeek.Planning.IntegrationEvents;

/// <summary>
/// Planning's public facts: units registered, renamed and deactivated; plans issued, amended and
/// closed; units' own plans submitted. Drafting stays private until the plan is issued.
/// </summary>
public sealed class PlanningEventMapper : IIntegrationEventMapper
{
    public IIntegrationEvent? Map(IEvent stored) => stored.Data switch
    {
        UnitRegistered e => new Public.UnitRegistered(e.Code, e.Name, Kind(e.Kind), e.WardCode, stored.Timestamp, stored.Id, stored.Sequence),
        UnitRenamed e => new Public.UnitRenamed(e.Code, e.Name, e.WardCode, stored.Timestamp, stored.Id, stored.Sequence),
        UnitDeactivated e => new Public.UnitDeactivated(e.Code, e.WardCode, e.Reason, stored.Timestamp, stored.Id, stored.Sequence),
        PlanIssued e => Issued(e, stored),
        PlanAmended e => Amended(e, stored),
        PlanClosed e => new Public.PlanClosed(e.PlanId, e.WardCode, e.Reason, stored.Timestamp, stored.Id, stored.Sequence),
        UnitPlans.UnitPlanSubmitted e => new Public.UnitPlanSubmitted(
            e.PlanId, e.UnitCode, e.WardCode, e.Revision,
            [.. e.Items.Select(item => new Public.UnitPlanItem(item.LineCode, item.Title, item.From, item.To, item.ExpectedParticipants.Total))],
            stored.Timestamp, stored.Id, stored.Sequence),
        _ => null,
    };

    /// <summary>kindergarten, lower-secondary, …: the same names as in the HTTP API.</summary>
    public static string Kind(UnitKind kind) => ApiDefaults.Http.KebabEnum.Name(kind);

    private static Public.PlanIssued Issued(PlanIssued e, IEvent stored)
    {
        var content = e.Content;
        var deadlines = content.Deadlines!;
        return new Public.PlanIssued(
            e.PlanId, e.WardCode, content.Title, e.Number, content.Year,
            content.IssuingBody, content.LegalBasis.Issuer, content.Place,
            content.Signature is { } signature ? new Public.PlanSignature(signature.Authority, signature.OnBehalfOf, signature.Position, signature.Signer) : null,
            content.Period!.Start, content.Period.End,
            Lines(e.ActivityLines),
            deadlines.UnitsReportBefore, deadlines.UnitsReportDueAt, deadlines.WardReportBefore, deadlines.WardReportDueAt,
            Audiences(e.Responsibilities, deadlines),
            [.. e.TargetUnits.Select(target => new Public.PlanTargetUnit(target.UnitCode, Kind(target.Kind), VietnamTime.StartOf(target.ReportBefore)))],
            stored.Timestamp, stored.Id, stored.Sequence)
        {
            LegalBasis = new Public.PlanLegalBasis(content.LegalBasis.DecisionNumber, content.LegalBasis.DecisionDate, content.LegalBasis.Issuer),
        };
    }

    private static Public.PlanAmended Amended(PlanAmended e, IEvent stored)
    {
        var deadlines = e.Deadlines;
        return new Public.PlanAmended(
            e.PlanId, e.WardCode, e.Number, e.Reason,
            deadlines.UnitsReportBefore, deadlines.UnitsReportDueAt, deadlines.WardReportBefore, deadlines.WardReportDueAt,
            Lines(e.ActivityLines), [.. e.AddedLines.Select(line => line.Code)], Audiences(e.Responsibilities, deadlines),
            stored.Timestamp, stored.Id, stored.Sequence);
    }

    private static IReadOnlyList<Public.PlanActivityLine> Lines(IEnumerable<ActivityLine> lines) =>
        [.. lines.Select(line => new Public.PlanActivityLine(line.Code, line.Title, [.. line.TargetKinds.Select(Kind)]))];

    private static IReadOnlyList<Public.PlanAudience> Audiences(IEnumerable<Responsibility> responsibilities, Deadlines deadlines) =>
        [.. responsibilities.Select(responsibility =>
        {
            var before = responsibility.Reporting switch
            {
                Reporting.ToWard => deadlines.UnitsReportBefore,
                Reporting.ToDepartment => deadlines.WardReportBefore,
                _ => (DateOnly?)null,
            };
            return new Public.PlanAudience(
                responsibility.Title, [.. responsibility.Kinds.Select(Kind)], responsibility.UnitCodes,
                responsibility.Reporting == Reporting.ToWard, before, before is { } day ? VietnamTime.StartOf(day) : null);
        })];
}
