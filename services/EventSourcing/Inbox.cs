using JasperFx;
using Marten;

namespace LearningWeek.EventSourcing;

/// <summary>
/// A message a consumer has handled, stored in the consumer's own Marten session in the same
/// transaction as its effects. The document id is the real guard: a redelivered message inserts
/// the same id again and the whole transaction fails, so no effect happens twice.
/// </summary>
public sealed record ProcessedMessage(string Id, string Consumer, Guid MessageId, DateTimeOffset ProcessedAt);

public static class Inbox
{
    public static string Key(string consumer, Guid messageId) => $"{consumer}/{messageId:N}";

    /// <summary>A cheap early exit for redeliveries; <see cref="RecordProcessed"/> is what guarantees it.</summary>
    public static async Task<bool> HasProcessedAsync(this IQuerySession session, string consumer, Guid messageId, CancellationToken cancellationToken) =>
        await session.LoadAsync<ProcessedMessage>(Key(consumer, messageId), cancellationToken) is not null;

    /// <summary>Adds the inbox record to the unit of work; saving it twice for one message fails.</summary>
    public static void RecordProcessed(this IDocumentSession session, string consumer, Guid messageId, DateTimeOffset processedAt) =>
        session.Insert(new ProcessedMessage(Key(consumer, messageId), consumer, messageId, processedAt));
}

public static class InboxTransaction
{
    /// <summary>
    /// Runs a consumer's effects once per message: in one Marten transaction with the message's
    /// inbox record. A redelivery is recognised and skipped; one that raced the first fails on the
    /// inbox record's key, so its effects are not stored twice either.
    /// </summary>
    public static async Task RunOnceAsync(this IDocumentStore store, string consumer, Guid messageId, TimeProvider clock, Func<IDocumentSession, Task> effects)
    {
        await using var session = store.LightweightSession();
        if (await session.HasProcessedAsync(consumer, messageId, CancellationToken.None))
        {
            return;
        }

        await effects(session);
        session.RecordProcessed(consumer, messageId, clock.GetUtcNow());
        try
        {
            await session.SaveChangesAsync();
        }
        catch (DocumentAlreadyExistsException)
        {
            // Handled meanwhile by another delivery of the same message.
        }
    }
}
