namespace LearningWeek.Contracts.Planning;

/// <summary>A unit submitted (or resubmitted, with a higher revision) its own plan under a ward plan.</summary>
public sealed record UnitPlanSubmitted(
    Guid PlanId,
    string UnitCode,
    string WardCode,
    int Revision,
    IReadOnlyList<UnitPlanItem> Items,
    DateTimeOffset OccurredAt,
    Guid SourceEventId,
    long SourceSequence) : IIntegrationEvent
{
    string IIntegrationEvent.Subject => $"plans/{PlanId}/units/{UnitCode}";
}
