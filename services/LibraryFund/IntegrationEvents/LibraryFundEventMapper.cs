using JasperFx.Events;
using LearningWeek.Contracts;
using LearningWeek.EventSourcing.Publishing;
using LearningWeek.LibraryFund.Bookshelves;
using LearningWeek.LibraryFund.Funds;
using LearningWeek.LibraryFund.Pledges;
using Public = LearningWeek.Contracts.LibraryFund;

namespace LearningWeek.LibraryFund.IntegrationEvents;

/// <summary>
/// LibraryFund's public facts: pledges, receipts, allocations and cancellations, bookshelves and
/// their digital resources. No personal data in any of them: a donor's contact is never mapped,
/// an individual donor is not named, and the free texts that may be about a person (the reason of
/// a cancellation, the note of a receipt) stay in the service.
/// </summary>
public sealed class LibraryFundEventMapper : IIntegrationEventMapper
{
    public IIntegrationEvent? Map(IEvent stored) => stored.Data switch
    {
        DonationPledged e => new Public.DonationPledged(
            e.PledgeId, e.PlanId, e.WardCode, KindNames.Of(e.Donor.Kind), e.Donor.Kind == DonorKind.Individual ? null : e.Donor.Name,
            KindNames.Of(e.Gift.Kind), e.Gift.Description, e.Gift.Quantity, e.Gift.EstimatedValueVnd, e.BeneficiaryUnitCode, e.BookshelfId,
            stored.Timestamp, stored.Id, stored.Sequence),
        DonationReceived e => new Public.DonationReceived(
            e.PledgeId, e.PlanId, e.WardCode, KindNames.Of(e.GiftKind), e.ReceiptNumber, e.ReceivedOn, e.Quantity, e.ValueVnd,
            stored.Timestamp, stored.Id, stored.Sequence),
        DonationAllocated e => new Public.DonationAllocated(
            e.PledgeId, e.PlanId, e.WardCode, KindNames.Of(e.GiftKind), e.BookshelfId, e.Quantity, e.ValueVnd, stored.Timestamp, stored.Id, stored.Sequence),
        PledgeCancelled e => new Public.PledgeCancelled(
            e.PledgeId, e.PlanId, e.WardCode, KindNames.Of(e.GiftKind), e.UnreceivedQuantity, e.UnreceivedValueVnd,
            stored.Timestamp, stored.Id, stored.Sequence),
        BookshelfEstablished e => new Public.BookshelfEstablished(
            e.BookshelfId, e.PlanId, e.WardCode, e.HostUnitCode, KindNames.Of(e.Kind), e.Name, e.Location, e.EstablishedOn, e.PhysicalBooks,
            stored.Timestamp, stored.Id, stored.Sequence),
        DigitalResourceAdded e => new Public.DigitalResourceAdded(
            e.BookshelfId, e.PlanId, e.WardCode, e.Resource.Id, e.Resource.Title, e.Resource.Url, KindNames.Of(e.Resource.Kind),
            stored.Timestamp, stored.Id, stored.Sequence),
        _ => null,
    };
}
