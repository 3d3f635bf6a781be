namespace LearningWeek.Contracts.LibraryFund;

/// <summary>
/// Part (or all, or more) of a pledge arrived: a receipt of the fund.
/// <c>Quantity</c>: What arrived, in the pledge's unit (VND, books, pieces, resources).
/// <c>ValueVnd</c>: Its value: the amount for money, the estimated share for gifts in kind.
/// </summary>
public sealed record DonationReceived(
    Guid PledgeId,
    Guid? PlanId,
    string WardCode,
    string GiftKind,
    string ReceiptNumber,
    DateOnly ReceivedOn,
    long Quantity,
    long ValueVnd,
    DateTimeOffset OccurredAt,
    Guid SourceEventId,
    long SourceSequence) : IIntegrationEvent
{
    string IIntegrationEvent.Subject => $"pledges/{PledgeId}";
}
