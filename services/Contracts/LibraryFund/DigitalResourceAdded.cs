namespace LearningWeek.Contracts.LibraryFund;

/// <summary>
/// A digital resource was added to a bookshelf.
/// <c>Kind</c>: ebook, mooc, video, audiobook or website.
/// </summary>
public sealed record DigitalResourceAdded(
    Guid BookshelfId,
    Guid? PlanId,
    string WardCode,
    Guid ResourceId,
    string Title,
    string Url,
    string Kind,
    DateTimeOffset OccurredAt,
    Guid SourceEventId,
    long SourceSequence) : IIntegrationEvent
{
    string IIntegrationEvent.Subject => $"bookshelves/{BookshelfId}";
}
