namespace LearningWeek.Contracts.Reporting;

/// <summary>
/// A unit submitted its summary report (báo cáo kết quả) on a plan: on time when before its due
/// instant, late at or after it; with the figures of its activity reports at that moment.
/// </summary>
public sealed record UnitReportSubmitted(
    Guid PlanId,
    string UnitCode,
    string WardCode,
    int Revision,
    DateTimeOffset DueAt,
    bool OnTime,
    int ActivityReports,
    long Sessions,
    ParticipantCounts Participants,
    DateTimeOffset OccurredAt,
    Guid SourceEventId,
    long SourceSequence) : IIntegrationEvent
{
    string IIntegrationEvent.Subject => $"plans/{PlanId}/unit-reports/{UnitCode}";
}
