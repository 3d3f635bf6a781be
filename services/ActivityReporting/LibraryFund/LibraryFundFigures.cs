namespace LearningWeek.ActivityReporting.LibraryFund;

/// <summary>
/// The Library-Fund figures of a plan (activity line 3.5), kept from LibraryFund's integration
/// events by <see cref="LibraryFundEventsConsumer"/>. Until the first of them arrives there is no
/// document, and the ward report shows zeros with a note saying so.
/// </summary>
public sealed class LibraryFundFigures
{
    public Guid Id { get; set; }

    /// <summary>Money pledged and still expected or received (a cancellation takes back what had not arrived).</summary>
    public long PledgedVnd { get; set; }

    public long ReceivedVnd { get; set; }

    public long AllocatedVnd { get; set; }

    /// <summary>Estimated value of gifts in kind (books, equipment, digital resources) received, shown apart from money.</summary>
    public long InKindReceivedVnd { get; set; }

    public int BooksReceived { get; set; }

    public int Bookshelves { get; set; }

    public int DigitalResources { get; set; }

    /// <summary>Pledges (lượt tài trợ), less those cancelled before anything arrived (each pledge's <see cref="PledgeTally"/>).</summary>
    public int Donors { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>
/// What one pledge promised and what its cancellation took back, whichever arrived first, so the
/// count of pledges is right in any order of delivery: a document of its own per pledge, so that
/// the plan's figures stay the same size however many pledges it has.
/// </summary>
public sealed record PledgeTally(Guid Id, Guid PlanId, long? Quantity, long? WithdrawnOnCancel)
{
    /// <summary>Known as pledged, and not cancelled before any of it arrived.</summary>
    public bool Counts => Quantity is { } quantity && !(WithdrawnOnCancel >= quantity);
}

/// <summary>The 3.5 figures as a ward report states them.</summary>
public sealed record FundSnapshot(
    bool Available, long PledgedVnd, long ReceivedVnd, long AllocatedVnd, long InKindReceivedVnd, int BooksReceived, int Bookshelves,
    int DigitalResources, int Donors, string? Note)
{
    public static FundSnapshot From(LibraryFundFigures? figures) => figures is null
        ? new FundSnapshot(false, 0, 0, 0, 0, 0, 0, 0, 0,
            "Chưa có số liệu từ hệ thống Tủ sách – Quỹ; các số liệu của nội dung 3.5 tạm ghi bằng 0.")
        : new FundSnapshot(true, figures.PledgedVnd, figures.ReceivedVnd, figures.AllocatedVnd, figures.InKindReceivedVnd, figures.BooksReceived,
            figures.Bookshelves, figures.DigitalResources, figures.Donors, null);
}
