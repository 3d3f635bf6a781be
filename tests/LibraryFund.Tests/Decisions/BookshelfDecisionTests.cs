using LearningWeek.LibraryFund.Bookshelves;
using LearningWeek.Testing;

namespace LearningWeek.LibraryFund.Tests.Decisions;

public sealed class BookshelfDecisionTests
{
    private static EstablishBookshelf.Request Classroom(string? host = "TH-TAMHUNG", DateOnly? on = null, BookshelfKind kind = BookshelfKind.Classroom, int? books = 120) =>
        new(host, Given.PlanId, kind, "Tủ sách lớp 5A", "Lớp 5A, Trường Tiểu học Tam Hưng", on ?? Given.Today, books);

    [Fact]
    public void A_school_establishes_its_classroom_bookshelf()
    {
        var id = Guid.NewGuid();

        var e = DecisionAssert.Emits<BookshelfEstablished>(EstablishBookshelf.Decide(id, Classroom(host: null), Given.School, Given.Fund, Given.Unit("TH-TAMHUNG"), Given.Now));

        Assert.Equal((id, "TH-TAMHUNG", Given.Ward, BookshelfKind.Classroom, 120), (e.BookshelfId, e.HostUnitCode, e.WardCode, e.Kind, e.PhysicalBooks));
    }

    [Fact]
    public void Only_the_host_unit_or_its_wards_officer_establishes_a_bookshelf()
    {
        DecisionAssert.Emits<BookshelfEstablished>(EstablishBookshelf.Decide(Guid.NewGuid(), Classroom(), Given.School, Given.Fund, Given.Officer, Given.Now));
        DecisionAssert.Fails(EstablishBookshelf.Decide(Guid.NewGuid(), Classroom(), Given.School, Given.Fund, Given.Unit("TH-LAPLE"), Given.Now), 403);
        DecisionAssert.Fails(EstablishBookshelf.Decide(Guid.NewGuid(), Classroom(), Given.School, Given.Fund, Given.OtherWardOfficer, Given.Now), 403);
    }

    [Fact]
    public void The_host_must_be_an_active_unit()
    {
        DecisionAssert.Fails(EstablishBookshelf.Decide(Guid.NewGuid(), Classroom(), null, Given.Fund, Given.Officer, Given.Now), 404, field: "hostUnitCode");
        DecisionAssert.Fails(EstablishBookshelf.Decide(Guid.NewGuid(), Classroom(), Given.School with { Active = false }, Given.Fund, Given.Officer, Given.Now), 404, field: "hostUnitCode");
    }

    [Fact]
    public void A_bookshelf_is_recorded_once_it_exists_and_a_digital_one_holds_no_printed_books()
    {
        DecisionAssert.Fails(EstablishBookshelf.Decide(Guid.NewGuid(), Classroom(on: Given.Today.AddDays(1)), Given.School, Given.Fund, Given.Officer, Given.Now),
            422, "established-in-the-future", "establishedOn");
        DecisionAssert.Fails(EstablishBookshelf.Decide(Guid.NewGuid(), Classroom(kind: BookshelfKind.Digital), Given.CultureHouse, Given.Fund, Given.Officer, Given.Now),
            422, "books-on-digital-shelf", "physicalBooks");
    }

    [Fact]
    public void A_digital_resource_is_added_once_per_address()
    {
        var shelf = Given.Shelf(BookshelfKind.Digital);
        var request = new AddDigitalResource.Request("Học liệu số lớp 5", "https://hoclieu.vn/lop-5", DigitalResourceKind.Ebook);

        var e = DecisionAssert.Emits<DigitalResourceAdded>(AddDigitalResource.Decide(shelf, request, Given.Officer, Given.Now));

        DecisionAssert.Fails(AddDigitalResource.Decide(shelf.Apply(e), request with { Url = "https://HOCLIEU.vn/lop-5" }, Given.Officer, Given.Now), 409, "duplicate-resource", "url");
        DecisionAssert.Fails(AddDigitalResource.Decide(shelf, request, Given.Unit("NVH-TDP3"), Given.Now), 403);
    }
}
