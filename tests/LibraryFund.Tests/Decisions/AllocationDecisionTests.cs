using LearningWeek.LibraryFund.Bookshelves;
using LearningWeek.LibraryFund.Pledges;
using LearningWeek.Testing;

namespace LearningWeek.LibraryFund.Tests.Decisions;

/// <summary>Allocations: never more than received of that pledge, to a bookshelf that can hold the gift.</summary>
public sealed class AllocationDecisionTests
{
    [Fact]
    public void What_was_received_can_be_allocated_up_to_the_last_unit()
    {
        var shelf = Given.Shelf();
        var pledge = Given.Pledged().Received(15_000_000).Allocated(10_000_000, 10_000_000);

        var e = DecisionAssert.Emits<DonationAllocated>(AllocateDonation.Decide(pledge, shelf, new(shelf.Id, 5_000_000), Given.Officer, Given.Now));

        Assert.Equal((shelf.Id, 5_000_000L, 5_000_000L), (e.BookshelfId, e.Quantity, e.ValueVnd));
    }

    [Fact]
    public void Allocating_more_than_received_is_a_conflict_even_when_the_pledge_is_larger()
    {
        var shelf = Given.Shelf();
        var pledge = Given.Pledged().Received(15_000_000).Allocated(10_000_000, 10_000_000);

        var error = DecisionAssert.Fails(AllocateDonation.Decide(pledge, shelf, new(shelf.Id, 5_000_001), Given.Officer, Given.Now), 409, "allocation-exceeds-received", "quantity");

        Assert.Contains("5.000.000", error.Detail);
    }

    [Fact]
    public void Nothing_received_means_nothing_to_allocate()
    {
        var shelf = Given.Shelf();

        DecisionAssert.Fails(AllocateDonation.Decide(Given.Pledged(), shelf, new(shelf.Id, 1), Given.Officer, Given.Now), 409, "allocation-exceeds-received");
    }

    [Fact]
    public void In_kind_values_split_without_losing_or_inventing_a_dong()
    {
        var shelf = Given.Shelf();
        var pledge = Given.Pledged(GiftKind.Books, 3, estimatedValue: 100).Received(3);
        var values = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var e = DecisionAssert.Emits<DonationAllocated>(AllocateDonation.Decide(pledge, shelf, new(shelf.Id, 1), Given.Officer, Given.Now));
            values.Add(e.ValueVnd);
            pledge = pledge.Apply(e);
        }

        Assert.Equal([33, 33, 34], values);
        Assert.Equal(pledge.ReceivedValueVnd, pledge.AllocatedValueVnd);
    }

    [Fact]
    public void What_arrived_before_a_cancellation_can_still_be_allocated()
    {
        var shelf = Given.Shelf();
        var pledge = Given.Pledged().Received(5_000_000).Cancelled();

        DecisionAssert.Emits<DonationAllocated>(AllocateDonation.Decide(pledge, shelf, new(shelf.Id, 5_000_000), Given.Officer, Given.Now));
    }

    [Fact]
    public void Printed_books_do_not_go_to_a_digital_bookshelf_nor_digital_resources_to_a_physical_one()
    {
        var digital = Given.Shelf(BookshelfKind.Digital);
        var classroom = Given.Shelf(BookshelfKind.Classroom);
        var books = Given.Pledged(GiftKind.Books, 120, 6_000_000).Received(120);
        var ebooks = Given.Pledged(GiftKind.Digital, 5, 0).Received(5);

        DecisionAssert.Fails(AllocateDonation.Decide(books, digital, new(digital.Id, 10), Given.Officer, Given.Now), 422, "books-on-digital-shelf", "bookshelfId");
        DecisionAssert.Fails(AllocateDonation.Decide(ebooks, classroom, new(classroom.Id, 5), Given.Officer, Given.Now), 422, "digital-gift-on-physical-shelf", "bookshelfId");
        DecisionAssert.Emits<DonationAllocated>(AllocateDonation.Decide(ebooks, digital, new(digital.Id, 5), Given.Officer, Given.Now));
        DecisionAssert.Emits<DonationAllocated>(AllocateDonation.Decide(Given.Pledged().Received(1_000), digital, new(digital.Id, 1_000), Given.Officer, Given.Now));
    }

    [Fact]
    public void A_gift_goes_where_the_donor_meant_it_to()
    {
        var schoolShelf = Given.Shelf();
        var cultureHouseShelf = Bookshelf.Create(new BookshelfEstablished(Guid.NewGuid(), Given.PlanId, Given.Ward, "NVH-TDP3", BookshelfKind.CultureHouse,
            "Tủ sách Tổ dân phố 3", "Nhà văn hoá", Given.Today, 0, Given.Now, "ward-officer"));
        var forTheSchool = Given.Pledged().Received(1_000);
        var forOneShelf = Given.Pledged() with { BookshelfId = schoolShelf.Id };
        forOneShelf = forOneShelf.Received(1_000);
        var forNobodyInParticular = Given.Pledged() with { BeneficiaryUnitCode = null };
        forNobodyInParticular = forNobodyInParticular.Received(1_000);

        DecisionAssert.Fails(AllocateDonation.Decide(forTheSchool, cultureHouseShelf, new(cultureHouseShelf.Id, 1), Given.Officer, Given.Now), 422, "allocation-against-donor-intent", "bookshelfId");
        DecisionAssert.Fails(AllocateDonation.Decide(forOneShelf, Given.Shelf(), new(Guid.NewGuid(), 1), Given.Officer, Given.Now), 422, "allocation-against-donor-intent", "bookshelfId");
        DecisionAssert.Emits<DonationAllocated>(AllocateDonation.Decide(forOneShelf, schoolShelf, new(schoolShelf.Id, 1), Given.Officer, Given.Now));
        DecisionAssert.Emits<DonationAllocated>(AllocateDonation.Decide(forNobodyInParticular, cultureHouseShelf, new(cultureHouseShelf.Id, 1), Given.Officer, Given.Now));
    }

    [Fact]
    public void The_bookshelf_must_be_in_the_pledges_ward()
    {
        var elsewhere = Given.Shelf(ward: "HP-OTHER");
        var pledge = Given.Pledged().Received(1_000);

        DecisionAssert.Fails(AllocateDonation.Decide(pledge, elsewhere, new(elsewhere.Id, 1_000), Given.Officer, Given.Now), 404, "not-found", "bookshelfId");
        DecisionAssert.Fails(AllocateDonation.Decide(pledge, null, new(Guid.NewGuid(), 1_000), Given.Officer, Given.Now), 404, "not-found", "bookshelfId");
    }

    [Fact]
    public void Only_an_officer_of_the_pledges_ward_allocates()
    {
        var shelf = Given.Shelf();
        var pledge = Given.Pledged().Received(1_000);

        DecisionAssert.Fails(AllocateDonation.Decide(pledge, shelf, new(shelf.Id, 1), Given.Unit("TH-TAMHUNG"), Given.Now), 403);
        DecisionAssert.Fails(AllocateDonation.Decide(pledge, shelf, new(shelf.Id, 1), Given.OtherWardOfficer, Given.Now), 403);
    }
}
