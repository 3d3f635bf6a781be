namespace LearningWeek.Contracts.Reporting;

/// <summary>A unit reported an activity it held under a plan's activity line.</summary>
public sealed record ActivityReported(
    Guid ActivityReportId,
    Guid PlanId,
    string UnitCode,
    string WardCode,
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
