namespace LearningWeek.Contracts.LibraryFund;

/// <summary>
/// A pledge was cancelled: what had not arrived will not (what arrived stays received). The
/// reason stays with the ward: it may be about a person.
/// <c>UnreceivedQuantity</c>: The part of the pledge that will not come.
/// <c>UnreceivedValueVnd</c>: Its value.
/// </summary>
public sealed record PledgeCancelled(
    Guid PledgeId,
    Guid? PlanId,
    string WardCode,
    string GiftKind,
    long UnreceivedQuantity,
    long UnreceivedValueVnd,
    DateTimeOffset OccurredAt,
    Guid SourceEventId,
    long SourceSequence) : IIntegrationEvent
{
    string IIntegrationEvent.Subject => $"pledges/{PledgeId}";
}
