namespace LearningWeek.Contracts.LibraryFund;

/// <summary>
/// A donor pledged a gift to a ward's library fund (under a plan, or outside any). No personal
/// data: an individual donor is not named, and no donor's contact is ever included.
/// <c>GiftKind</c>: money, books, equipment or digital.
/// <c>Quantity</c>: VND for money; books, pieces of equipment or digital resources otherwise.
/// <c>EstimatedValueVnd</c>: Money: the amount; gifts in kind: their estimated value (0 if unknown).
/// <c>DonorKind</c>: organisation, individual or parents-association.
/// <c>DonorName</c>: The organisation's or association's name; null for an individual.
/// </summary>
public sealed record DonationPledged(
    Guid PledgeId,
    Guid? PlanId,
    string WardCode,
    string DonorKind,
    string? DonorName,
    string GiftKind,
    string Description,
    long Quantity,
    long EstimatedValueVnd,
    string? BeneficiaryUnitCode,
    Guid? BookshelfId,
    DateTimeOffset OccurredAt,
    Guid SourceEventId,
    long SourceSequence) : IIntegrationEvent
{
    string IIntegrationEvent.Subject => $"pledges/{PledgeId}";
}
