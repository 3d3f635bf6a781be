namespace LearningWeek.Contracts.Planning;

/// <summary>
/// A unit (school, organisation, culture house, office) was registered in a ward. Its kind is one
/// of kindergarten, primary, lower-secondary, fatherland-front, mass-organisation, culture-house, office.
/// </summary>
public sealed record UnitRegistered(
    string UnitCode,
    string Name,
    string Kind,
    string WardCode,
    DateTimeOffset OccurredAt,
    Guid SourceEventId,
    long SourceSequence) : IIntegrationEvent
{
    string IIntegrationEvent.Subject => $"units/{UnitCode}";
}
