using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using LearningWeek.Contracts;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace LearningWeek.EventSourcing.Publishing;

/// <summary>
/// Publishes a service's integration events from its event store: a Marten subscription run by
/// the async daemon hands each page of stored events to MassTransit, and the daemon records its
/// progress only after the whole page was confirmed by the broker. So an event that was stored is
/// published at least once, also after a crash (the page is published again); one that was not
/// stored never is. Each message's MessageId is the stored event's id, for de-duplication.
/// A stream's events go out in order; different streams go out concurrently, so a burst does not
/// wait on one confirm at a time. While the broker is down the page is retried, never skipped.
/// </summary>
public sealed partial class IntegrationEventPublisher : SubscriptionBase
{
    public const string SubscriptionName = "IntegrationEvents";
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private readonly IIntegrationEventMapper _mapper;
    private readonly IBus _bus;
    private readonly PublisherStatus _status;
    private readonly CampaignMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly ILogger<IntegrationEventPublisher> _logger;

    public IntegrationEventPublisher(
        IIntegrationEventMapper mapper, IBus bus, PublisherStatus status, CampaignMetrics metrics, TimeProvider clock, ILogger<IntegrationEventPublisher> logger)
    {
        _mapper = mapper;
        _bus = bus;
        _status = status;
        _metrics = metrics;
        _clock = clock;
        _logger = logger;
        Name = SubscriptionName;
        Options.BatchSize = 500;
    }

    /// <summary>The sequence through which every stored event has been handed to the broker (the publisher's progress).</summary>
    public static async Task<long> PublishedThroughAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: cancellationToken);
        return progress
            .Where(shard => shard.ShardName.StartsWith(SubscriptionName + ":", StringComparison.Ordinal))
            .Select(shard => shard.Sequence)
            .DefaultIfEmpty(0)
            .Max();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var messages = page.Events
            .Select(stored => (Stored: stored, Message: _mapper.Map(stored)))
            .Where(pair => pair.Message is not null)
            .ToList();

        await Parallel.ForEachAsync(
            messages.GroupBy(pair => pair.Stored.StreamId),
            new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken },
            async (stream, token) =>
            {
                foreach (var (stored, message) in stream)
                {
                    await PublishUntilConfirmed(stored, message!, token);
                }
            });

        _status.Published(page.SequenceCeiling, messages.Count);
        return NullChangeListener.Instance;
    }

    private async Task PublishUntilConfirmed(IEvent stored, IIntegrationEvent message, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(PublishTimeout);
                await _bus.Publish(message, message.GetType(), context =>
                {
                    context.MessageId = stored.Id;
                    context.Durable = true;
                }, timeout.Token);
                _status.Succeeding();
                _metrics.Published(message, stored.Timestamp, _clock.GetUtcNow());
                return;
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                // Never let it escape: the daemon would pause the subscription. Keep the page and retry.
                _status.Failing(error);
                LogRetrying(_logger, error, message.GetType().Name, stored.Sequence, backoff.TotalMilliseconds);
                await Task.Delay(backoff, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Publishing {MessageType} (event {Sequence}) failed; retrying in {BackoffMs} ms, nothing is skipped")]
    private static partial void LogRetrying(ILogger logger, Exception error, string messageType, long sequence, double backoffMs);
}
