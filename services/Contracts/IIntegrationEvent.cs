namespace LearningWeek.Contracts;

/// <summary>
/// What every integration event carries, whichever service publishes it. Events are positional
/// records, one per file, in the namespace of the publishing service
/// (<c>LearningWeek.Contracts.Planning</c>, <c>.Reporting</c>, <c>.LibraryFund</c>); an incompatible
/// change gets a new type name (<c>…V2</c>), never an edit of a published one; an additive change
/// (a new optional field) keeps the name. On the bus and in the feeds each event is a CloudEvent
/// whose type is <see cref="ContractNames.TypeOf(System.Type)"/>.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>The ward the fact belongs to, e.g. <c>HP-NAMTRIEU</c>.</summary>
    string WardCode { get; }

    /// <summary>When the fact happened (the source event's timestamp).</summary>
    DateTimeOffset OccurredAt { get; }

    /// <summary>
    /// The id of the stored domain event this was published from. It is also the message id on
    /// the bus, so a subscriber de-duplicates redeliveries by it.
    /// </summary>
    Guid SourceEventId { get; }

    /// <summary>
    /// The source event's position in its service's event store: the order of the public feed
    /// (<c>GET /api/{service}/events?after=</c>) and the cursor to resume from.
    /// </summary>
    long SourceSequence { get; }

    /// <summary>
    /// What the fact is about, as a path (<c>plans/{id}</c>, <c>units/{code}</c>, …): the CloudEvent's
    /// subject, and the unit of ordering. Facts about one subject come in the order they happened;
    /// facts about different subjects may overtake each other.
    /// </summary>
    string Subject { get; }
}
