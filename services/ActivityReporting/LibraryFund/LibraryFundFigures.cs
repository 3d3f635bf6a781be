namespace LearningWeek.ActivityReporting.LibraryFund;

/// <summary>
/// The Library-Fund figures of a plan (activity line 3.5), kept from LibraryFund's integration
/// events once that service publishes them. Until then there is no document, and the ward report
/// shows zeros with a note saying so.
/// </summary>
public sealed class LibraryFundFigures
{
    public Guid Id { get; set; }

    public long PledgedVnd { get; set; }

    public long ReceivedVnd { get; set; }

    public long AllocatedVnd { get; set; }

    /// <summary>Estimated value of gifts in kind (books, equipment) received, shown apart from money.</summary>
    public long InKindReceivedVnd { get; set; }

    public int BooksReceived { get; set; }

    public int Bookshelves { get; set; }

    public int DigitalResources { get; set; }

    public int Donors { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>The 3.5 figures as a ward report states them.</summary>
public sealed record FundSnapshot(
    bool Available, long PledgedVnd, long ReceivedVnd, long AllocatedVnd, long InKindReceivedVnd, int BooksReceived, int Bookshelves,
    int DigitalResources, int Donors, string? Note)
{
    public static FundSnapshot From(LibraryFundFigures? figures) => figures is null
        ? new FundSnapshot(false, 0, 0, 0, 0, 0, 0, 0, 0,
            "Chưa có số liệu từ hệ thống Tủ sách – Quỹ (LibraryFund); các số liệu của nội dung 3.5 tạm ghi bằng 0.")
        : new FundSnapshot(true, figures.PledgedVnd, figures.ReceivedVnd, figures.AllocatedVnd, figures.InKindReceivedVnd, figures.BooksReceived,
            figures.Bookshelves, figures.DigitalResources, figures.Donors, null);
}
