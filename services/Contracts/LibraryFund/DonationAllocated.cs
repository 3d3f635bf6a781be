namespace LearningWeek.Contracts.LibraryFund;

/// <summary>Part of what a pledge brought was allocated to a bookshelf.</summary>
public sealed record DonationAllocated(
    Guid PledgeId,
    Guid? PlanId,
    string WardCode,
    string GiftKind,
    Guid BookshelfId,
    long Quantity,
    long ValueVnd,
    DateTimeOffset OccurredAt,
    Guid SourceEventId,
    long SourceSequence) : IIntegrationEvent
{
    string IIntegrationEvent.Subject => $"pledges/{PledgeId}";
}
