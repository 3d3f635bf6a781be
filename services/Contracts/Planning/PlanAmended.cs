namespace LearningWeek.Contracts.Planning;

/// <summary>
/// An issued plan was amended, with a reason: the deadlines and activity lines as they are now
/// (and which lines the amendment added), so a subscriber needs no earlier state to apply it.
/// </summary>
public sealed record PlanAmended(
    Guid PlanId,
    string WardCode,
    int AmendmentNumber,
    string Reason,
    DateOnly UnitsReportBefore,
    DateTimeOffset UnitsReportDueAt,
    DateOnly WardReportBefore,
    DateTimeOffset WardReportDueAt,
    IReadOnlyList<PlanActivityLine> ActivityLines,
    IReadOnlyList<string> AddedActivityLineCodes,
    IReadOnlyList<PlanAudience> Audiences,
    DateTimeOffset OccurredAt,
    Guid SourceEventId,
    long SourceSequence) : IIntegrationEvent
{
    string IIntegrationEvent.Subject => $"plans/{PlanId}";
}
