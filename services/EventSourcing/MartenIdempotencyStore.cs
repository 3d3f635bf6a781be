using JasperFx;
using LearningWeek.ApiDefaults.Idempotency;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningWeek.EventSourcing;

/// <summary>An Idempotency-Key of one client, in the service's own database.</summary>
public sealed record IdempotencyRecord(
    string Id,
    string Fingerprint,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    StoredResponse? Response);

/// <summary>
/// Idempotency records as Marten documents: the document id (client and key) is the lock, so of
/// concurrent first requests exactly one inserts and runs; taking over an expired or abandoned
/// record is a conditional update (optimistic concurrency on the record's version), so of two
/// concurrent takers exactly one runs. The request's effect commits with the key's
/// <see cref="IdempotencyEffect"/>: an abandoned record whose effect is stored is not run again.
/// A record that is absent or expired leaves no effect that counts, so claiming it clears the mark.
/// </summary>
public sealed class MartenIdempotencyStore(IDocumentStore store, TimeProvider clock, IOptions<IdempotencyOptions> options) : IIdempotencyStore
{
    public async Task<IdempotencyClaim> ClaimAsync(string scopedKey, string fingerprint, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using (var session = store.LightweightSession())
        {
            session.Insert(new IdempotencyRecord(scopedKey, fingerprint, now, now + options.Value.Retention, Response: null));
            session.Delete<IdempotencyEffect>(scopedKey);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return new IdempotencyClaim.Acquired();
            }
            catch (DocumentAlreadyExistsException)
            {
                // Known key: decide from what is stored below.
            }
        }

        await using var takeover = store.LightweightSession();
        var existing = await takeover.LoadAsync<IdempotencyRecord>(scopedKey, cancellationToken);
        if (existing is null)
        {
            return new IdempotencyClaim.InProgress(); // abandoned a moment ago: claim again
        }

        var expired = existing.ExpiresAt <= now;
        var abandoned = existing.Response is null && now - existing.CreatedAt > options.Value.AbandonAfter;
        if (abandoned && !expired && await takeover.LoadAsync<IdempotencyEffect>(scopedKey, cancellationToken) is not null)
        {
            // Its process died after storing the effect and before keeping the answer.
            return existing.Fingerprint == fingerprint ? new IdempotencyClaim.AnswerLost() : new IdempotencyClaim.Mismatch();
        }

        if (expired || abandoned)
        {
            // Expired, or left unfinished by a process that died before any effect: start over,
            // unless another request took it over since we read it (the version we loaded is no
            // longer the record's). Should the old owner still commit its effect, its mark and the
            // new owner's clash, and only one of the two effects is stored.
            takeover.Store(new IdempotencyRecord(scopedKey, fingerprint, now, now + options.Value.Retention, Response: null));
            takeover.Delete<IdempotencyEffect>(scopedKey);
            try
            {
                await takeover.SaveChangesAsync(cancellationToken);
                return new IdempotencyClaim.Acquired();
            }
            catch (Exception lost) when (lost is ConcurrencyException || (lost is AggregateException all && all.InnerExceptions.All(inner => inner is ConcurrencyException)))
            {
                return new IdempotencyClaim.InProgress(); // another request took it over first
            }
        }

        if (existing.Fingerprint != fingerprint)
        {
            return new IdempotencyClaim.Mismatch();
        }

        return existing.Response is null ? new IdempotencyClaim.InProgress() : new IdempotencyClaim.Completed(existing.Response);
    }

    public async Task CompleteAsync(string scopedKey, StoredResponse response, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var record = await session.LoadAsync<IdempotencyRecord>(scopedKey, cancellationToken);
        if (record is not null)
        {
            session.Store(record with { Response = response });
            await session.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task AbandonAsync(string scopedKey, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Delete<IdempotencyRecord>(scopedKey);
        await session.SaveChangesAsync(cancellationToken);
    }
}
