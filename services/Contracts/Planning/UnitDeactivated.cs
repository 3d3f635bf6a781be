namespace LearningWeek.Contracts.Planning;

/// <summary>A unit was deactivated: it is no longer expected to report.</summary>
public sealed record UnitDeactivated(
    string UnitCode,
    string WardCode,
    string Reason,
    DateTimeOffset OccurredAt,
    Guid SourceEventId,
    long SourceSequence) : IIntegrationEvent
{
    string IIntegrationEvent.Subject => $"units/{UnitCode}";
}
