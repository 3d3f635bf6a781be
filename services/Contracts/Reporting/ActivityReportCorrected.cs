namespace LearningWeek.Contracts.Reporting;

/// <summary>A unit corrected an activity report: its figures as they now are (revision 2, 3, …).</summary>
public sealed record ActivityReportCorrected(
    Guid ActivityReportId,
    Guid PlanId,
    string UnitCode,
    string WardCode,
    int Revision,
    string LineCode,
    string Title,
    DateOnly HeldOn,
    IReadOnlyList<string> Formats,
    ParticipantCounts Participants,
    int Sessions,
    DateTimeOffset OccurredAt,
    Guid SourceEventId,
    long SourceSequence) : IIntegrationEvent
{
    string IIntegrationEvent.Subject => $"activity-reports/{ActivityReportId}";
}
