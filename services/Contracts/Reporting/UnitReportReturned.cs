namespace LearningWeek.Contracts.Reporting;

/// <summary>The ward returned a unit's report for correction, with the reason.</summary>
public sealed record UnitReportReturned(
    Guid PlanId,
    string UnitCode,
    string WardCode,
    int Revision,
    string Reason,
    DateTimeOffset OccurredAt,
    Guid SourceEventId,
    long SourceSequence) : IIntegrationEvent
{
    string IIntegrationEvent.Subject => $"plans/{PlanId}/unit-reports/{UnitCode}";
}
