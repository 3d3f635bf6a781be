namespace LearningWeek.Contracts.LibraryFund;

/// <summary>
/// A bookshelf (tủ sách) was established at a unit.
/// <c>Kind</c>: classroom, parents, school-library, culture-house or digital.
/// </summary>
public sealed record BookshelfEstablished(
    Guid BookshelfId,
    Guid? PlanId,
    string WardCode,
    string HostUnitCode,
    string Kind,
    string Name,
    string Location,
    DateOnly EstablishedOn,
    int PhysicalBooks,
    DateTimeOffset OccurredAt,
    Guid SourceEventId,
    long SourceSequence) : IIntegrationEvent
{
    string IIntegrationEvent.Subject => $"bookshelves/{BookshelfId}";
}
