using JasperFx.Events;
using LearningWeek.ActivityReporting.Activities;
using LearningWeek.ActivityReporting.UnitReports;
using LearningWeek.Contracts;
using LearningWeek.EventSourcing.Publishing;
using Public = LearningWeek.Contracts.Reporting;

namespace LearningWeek.ActivityReporting.IntegrationEvents;

/// <summary>
/// ActivityReporting's public facts: activity reports (reported, corrected, withdrawn), units'
/// reports (submitted on time or late, accepted, returned) and the ward report submitted with its
/// totals. Obligations and compilations stay private.
/// </summary>
public sealed class ReportingEventMapper : IIntegrationEventMapper
{
    public IIntegrationEvent? Map(IEvent stored) => stored.Data switch
    {
        ActivityReported e => new Public.ActivityReported(
            e.ReportId, e.PlanId, e.UnitCode, e.WardCode, e.Content.LineCode, e.Content.Title, e.Content.HeldOn, e.Content.Formats,
            Counts(e.Content.Participants), e.Content.Sessions, stored.Timestamp, stored.Id, stored.Sequence),
        ActivityReportCorrected e => new Public.ActivityReportCorrected(
            e.ReportId, e.PlanId, e.UnitCode, e.WardCode, e.Revision, e.Content.LineCode, e.Content.Title, e.Content.HeldOn, e.Content.Formats,
            Counts(e.Content.Participants), e.Content.Sessions, stored.Timestamp, stored.Id, stored.Sequence),
        ActivityReportWithdrawn e => new Public.ActivityReportWithdrawn(e.ReportId, e.PlanId, e.UnitCode, e.WardCode, e.Reason, stored.Timestamp, stored.Id, stored.Sequence),
        UnitReportSubmitted e => new Public.UnitReportSubmitted(
            e.PlanId, e.UnitCode, e.WardCode, e.Revision, e.DueAt, e.OnTime, e.Figures.ActivityReports, e.Figures.Sessions, Counts(e.Figures.Participants),
            stored.Timestamp, stored.Id, stored.Sequence),
        UnitReportAccepted e => new Public.UnitReportAccepted(e.PlanId, e.UnitCode, e.WardCode, e.Revision, stored.Timestamp, stored.Id, stored.Sequence),
        UnitReportReturned e => new Public.UnitReportReturned(e.PlanId, e.UnitCode, e.WardCode, e.Revision, e.Reason, stored.Timestamp, stored.Id, stored.Sequence),
        WardReports.WardReportSubmitted e => new Public.WardReportSubmitted(
            e.PlanId, e.WardCode, e.Number, e.Revision, e.DueAt, e.OnTime, Totals(e.Totals), stored.Timestamp, stored.Id, stored.Sequence),
        _ => null,
    };

    private static Public.ParticipantCounts Counts(ParticipantCounts c) => new(c.Students, c.TeachersAndStaff, c.Parents, c.Residents, c.Members);

    private static Public.WardReportTotals Totals(WardReports.WardReportTotals t) => new(
        t.UnitsExpected, t.UnitsSubmitted, t.UnitsOnTime, t.UnitsAccepted, t.ActivityReports, t.Sessions, Counts(t.Participants),
        t.LibraryFundReceivedVnd, t.LibraryFundBooksReceived);
}
