using LearningWeek.ApiDefaults.Idempotency;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningWeek.EventSourcing;

/// <summary>
/// Once an hour, removes what is kept only for a while: idempotency records past their retention
/// (and their effects' marks), and inbox records older than <see cref="InboxRetention"/>. Each is
/// indexed by the date it is pruned by, so pruning reads only what it deletes.
/// </summary>
public sealed partial class RetentionPruner(IDocumentStore store, TimeProvider clock, IOptions<IdempotencyOptions> options, ILogger<RetentionPruner> logger) : BackgroundService
{
    /// <summary>
    /// How long a handled message is remembered. A message comes again within minutes (a broker
    /// redelivery, or the feed follower's catch-up, which reads only past its cursor); only a
    /// follower whose cursor was deleted, or a message moved back from an error queue after a month,
    /// could bring one older than this.
    /// </summary>
    public static readonly TimeSpan InboxRetention = TimeSpan.FromDays(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        try
        {
            do
            {
                try
                {
                    await PruneAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogPruneFailed(logger, e); // the database may be down for a while: try again next hour
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public async Task PruneAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var now = clock.GetUtcNow();
        var effectsBefore = now - options.Value.Retention;
        var handledBefore = now - InboxRetention;
        session.DeleteWhere<IdempotencyRecord>(record => record.ExpiresAt < now);
        session.DeleteWhere<IdempotencyEffect>(effect => effect.CommittedAt < effectsBefore);
        session.DeleteWhere<ProcessedMessage>(message => message.ProcessedAt < handledBefore);
        await session.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning expired idempotency and inbox records failed; will retry in an hour")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
