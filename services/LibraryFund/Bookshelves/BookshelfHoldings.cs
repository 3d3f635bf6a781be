using LearningWeek.LibraryFund.Pledges;
using Marten.Events.Projections;

namespace LearningWeek.LibraryFund.Bookshelves;

/// <summary>What donations brought to a bookshelf: money, books, equipment and digital resources allocated to it.</summary>
public sealed class BookshelfHoldings
{
    public Guid Id { get; set; }

    public long MoneyVnd { get; set; }

    public long Books { get; set; }

    public long Equipment { get; set; }

    public long DigitalResources { get; set; }

    /// <summary>Estimated value of the gifts in kind allocated to it.</summary>
    public long InKindValueVnd { get; set; }

    public HashSet<Guid> Pledges { get; set; } = [];
}

/// <summary>Allocations from any pledge, gathered per bookshelf (async, so concurrent allocations never overwrite each other).</summary>
public sealed class BookshelfHoldingsProjection : MultiStreamProjection<BookshelfHoldings, Guid>
{
    public BookshelfHoldingsProjection() => Identity<DonationAllocated>(e => e.BookshelfId);

    public void Apply(DonationAllocated e, BookshelfHoldings holdings)
    {
        holdings.Pledges.Add(e.PledgeId);
        switch (e.GiftKind)
        {
            case GiftKind.Money:
                holdings.MoneyVnd += e.Quantity;
                return;
            case GiftKind.Books:
                holdings.Books += e.Quantity;
                break;
            case GiftKind.Equipment:
                holdings.Equipment += e.Quantity;
                break;
            case GiftKind.Digital:
                holdings.DigitalResources += e.Quantity;
                break;
        }

        holdings.InKindValueVnd += e.ValueVnd;
    }
}
