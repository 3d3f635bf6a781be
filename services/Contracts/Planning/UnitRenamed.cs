namespace LearningWeek.Contracts.Planning;

/// <summary>A unit's name changed (its code never does).</summary>
public sealed record UnitRenamed(
    string UnitCode,
    string Name,
    string WardCode,
    DateTimeOffset OccurredAt,
    Guid SourceEventId,
    long SourceSequence) : IIntegrationEvent
{
    string IIntegrationEvent.Subject => $"units/{UnitCode}";
}
