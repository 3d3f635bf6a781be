namespace LearningWeek.Contracts.Planning;

/// <summary>A plan was closed: nothing more is expected under it.</summary>
public sealed record PlanClosed(
    Guid PlanId,
    string WardCode,
    string? Reason,
    DateTimeOffset OccurredAt,
    Guid SourceEventId,
    long SourceSequence) : IIntegrationEvent
{
    string IIntegrationEvent.Subject => $"plans/{PlanId}";
}
