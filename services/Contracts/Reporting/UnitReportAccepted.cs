namespace LearningWeek.Contracts.Reporting;

/// <summary>The ward accepted a unit's report; its activity reports are final.</summary>
public sealed record UnitReportAccepted(
    Guid PlanId,
    string UnitCode,
    string WardCode,
    int Revision,
    DateTimeOffset OccurredAt,
    Guid SourceEventId,
    long SourceSequence) : IIntegrationEvent
{
    string IIntegrationEvent.Subject => $"plans/{PlanId}/unit-reports/{UnitCode}";
}
