namespace LearningWeek.Contracts.Reporting;

/// <summary>A unit withdrew an activity report; it no longer counts (it stays in its history).</summary>
public sealed record ActivityReportWithdrawn(
    Guid ActivityReportId,
    Guid PlanId,
    string UnitCode,
    string WardCode,
    string? Reason,
    DateTimeOffset OccurredAt,
    Guid SourceEventId,
    long SourceSequence) : IIntegrationEvent
{
    string IIntegrationEvent.Subject => $"activity-reports/{ActivityReportId}";
}
