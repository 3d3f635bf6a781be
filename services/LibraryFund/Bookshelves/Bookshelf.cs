namespace LearningWeek.LibraryFund.Bookshelves;

/// <summary>Kinds of bookshelf (tủ sách).</summary>
public enum BookshelfKind
{
    /// <summary>Tủ sách lớp học (class-corner bookshelf).</summary>
    Classroom,

    /// <summary>Tủ sách phụ huynh.</summary>
    Parents,

    /// <summary>Thư viện trường học.</summary>
    SchoolLibrary,

    /// <summary>Tủ sách nhà văn hoá tổ dân phố.</summary>
    CultureHouse,

    /// <summary>Tủ sách số, thư viện số.</summary>
    Digital,
}

/// <summary>Kinds of digital resource.</summary>
public enum DigitalResourceKind
{
    Ebook,
    Mooc,
    Video,
    Audiobook,
    Website,
}

public sealed record DigitalResource(Guid Id, string Title, string Url, DigitalResourceKind Kind, DateTimeOffset AddedAt);

public sealed record BookshelfEstablished(
    Guid BookshelfId, Guid? PlanId, string WardCode, string HostUnitCode, BookshelfKind Kind, string Name, string Location,
    DateOnly EstablishedOn, int PhysicalBooks, DateTimeOffset EstablishedAt, string EstablishedBy);

public sealed record DigitalResourceAdded(Guid BookshelfId, Guid? PlanId, string WardCode, DigitalResource Resource, string AddedBy);

/// <summary>A bookshelf as its stream tells it (holdings from allocations are added by <see cref="BookshelfHoldings"/>); an inline snapshot.</summary>
public sealed record Bookshelf(
    Guid Id,
    Guid? PlanId,
    string WardCode,
    string HostUnitCode,
    BookshelfKind Kind,
    string Name,
    string Location,
    DateOnly EstablishedOn,
    int InitialBooks,
    IReadOnlyList<DigitalResource> DigitalResources)
{
    public long Version { get; set; }

    public static Bookshelf Create(BookshelfEstablished e) =>
        new(e.BookshelfId, e.PlanId, e.WardCode, e.HostUnitCode, e.Kind, e.Name, e.Location, e.EstablishedOn, e.PhysicalBooks, []);

    public Bookshelf Apply(DigitalResourceAdded e) => this with { DigitalResources = [.. DigitalResources, e.Resource] };
}
