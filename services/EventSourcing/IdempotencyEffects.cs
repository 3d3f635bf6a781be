using LearningWeek.ApiDefaults.Idempotency;
using Marten;
using Marten.Services;

namespace LearningWeek.EventSourcing;

/// <summary>
/// The mark that a request with this Idempotency-Key (client and key) has had its effect: stored
/// in the effect's own transaction. A second insert fails, so two runs of one key never both commit.
/// </summary>
public sealed record IdempotencyEffect(string Id, DateTimeOffset CommittedAt);

/// <summary>
/// Adds the key's <see cref="IdempotencyEffect"/> to the first transaction a request with an
/// Idempotency-Key commits (a handler that retries in a fresh session adds it again there).
/// </summary>
internal sealed class IdempotencyEffectListener(TimeProvider clock) : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (IdempotencyScope.Current is { EffectCommitted: false } scope
            && !session.PendingChanges.InsertsFor<IdempotencyEffect>().Any(effect => effect.Id == scope.Key))
        {
            session.Insert(new IdempotencyEffect(scope.Key, clock.GetUtcNow()));
        }

        return Task.CompletedTask;
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (IdempotencyScope.Current is { EffectCommitted: false } scope
            && commit.Inserted.OfType<IdempotencyEffect>().Any(effect => effect.Id == scope.Key))
        {
            scope.MarkEffectCommitted();
        }

        return Task.CompletedTask;
    }
}
