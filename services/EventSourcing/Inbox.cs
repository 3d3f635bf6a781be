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
    /// inbox record's key, so its effects are not stored twice either. Effects that read and write
    /// a document should use optimistic concurrency (and Insert for a new one), so that two
    /// messages handled at once by two instances fail one of them, which the bus then retries.
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
            // Handled meanwhile by another delivery of the same message: nothing to do. Any other
            // clash (a document of the effects inserted meanwhile by another message) fails, and
            // the bus retries the message.
            if (!await HandledMeanwhileAsync(store, consumer, messageId))
            {
                throw;
            }
        }
    }

    private static async Task<bool> HandledMeanwhileAsync(IDocumentStore store, string consumer, Guid messageId)
    {
        await using var query = store.QuerySession();
        return await query.HasProcessedAsync(consumer, messageId, CancellationToken.None);
    }
}
