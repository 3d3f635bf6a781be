using System.Net.Http.Json;
using System.Text.Json;
using LearningWeek.Contracts;
using LearningWeek.EventSourcing.CloudEvents;
using Marten;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LearningWeek.EventSourcing.Following;

/// <summary>How far a follower has read a publisher's feed (one document per consumer queue).</summary>
public sealed record FeedCursor(string Id, long After, DateTimeOffset ReadAt);

/// <summary>What a follower reads: a publisher's feed, for one consumer (its queue, inbox and event types).</summary>
public sealed record FeedFollowing(string Publisher, Uri Feed, string Queue, string Inbox, IReadOnlySet<Type> Contracts, TimeSpan Interval);

/// <summary>
/// A follower never depends on start order: at start, and then every <c>Following:Interval</c>
/// (a minute), it reads the publisher's feed from where it left off and sends every event its
/// consumer has not handled yet (by the consumer's inbox) to its own queue, in the feed's order, with
/// the event's id as MessageId. So events published while the follower was down and its queue did
/// not exist (started after the publisher, or its queue deleted) are handled as if they had come on
/// the bus; one that did come is skipped, and one sent twice is absorbed by the inbox. The cursor
/// moves only after a page's messages are on the broker.
/// </summary>
public sealed partial class FeedFollower(
    FeedFollowing following, IHttpClientFactory http, FollowerTokens tokens, IDocumentStore store, IBus bus,
    IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<FeedFollower> logger) : BackgroundService
{
    private const int PageSize = 500;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    public string HttpClientName => $"feed:{following.Publisher}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The bus is started before the host reports started (MassTransitHostOptions.WaitUntilStarted).
        await WhenStarted(stoppingToken);
        var retry = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var sent = await CatchUpAsync(stoppingToken);
                if (sent > 0)
                {
                    LogCaughtUp(logger, sent, following.Publisher, following.Queue);
                }

                retry = TimeSpan.FromSeconds(1);
                wait = following.Interval;
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // The publisher or the issuer not up yet (the gateway starts after the services), or away.
                LogFailed(logger, error, following.Publisher, retry.TotalSeconds);
                wait = retry;
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, MaxRetryDelay.Ticks));
            }

            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Reads the feed to its end once; returns how many events were sent to the queue.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var cursorId = $"{following.Queue}<-{following.Publisher}";
        long after;
        await using (var query = store.QuerySession())
        {
            after = (await query.LoadAsync<FeedCursor>(cursorId, cancellationToken))?.After ?? 0;
        }

        var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{following.Queue}"));
        using var client = http.CreateClient(HttpClientName);
        var sent = 0;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(following.Feed, $"?after={after}&limit={PageSize}"));
            request.Headers.Authorization = await tokens.AuthorizationAsync(cancellationToken);
            using var response = await client.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadFromJsonAsync<Page>(IntegrationCloudEvents.DataOptions, cancellationToken)
                ?? throw new InvalidOperationException("The feed answered no page.");

            var events = page.Items
                .Select(item => IntegrationCloudEvents.Decode(JsonSerializer.SerializeToUtf8Bytes(item)))
                .Where(e => following.Contracts.Contains(e.Contract))
                .ToList();
            var handled = await HandledAsync(events.Select(e => Guid.Parse(e.CloudEvent.Id!)), cancellationToken);
            foreach (var (contract, cloudEvent, data) in events)
            {
                var id = Guid.Parse(cloudEvent.Id!);
                if (handled.Contains(id))
                {
                    continue;
                }

                var message = data.Deserialize(contract, IntegrationCloudEvents.DataOptions)!;
                await endpoint.Send(message, contract, context =>
                {
                    context.MessageId = id;
                    context.Durable = true;
                }, cancellationToken);
                sent++;
            }

            after = page.Next;
            await using (var session = store.LightweightSession())
            {
                session.Store(new FeedCursor(cursorId, after, clock.GetUtcNow()));
                await session.SaveChangesAsync(cancellationToken);
            }

            if (!page.More)
            {
                return sent;
            }
        }
    }

    private async Task<HashSet<Guid>> HandledAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var keys = ids.Select(id => Inbox.Key(following.Inbox, id)).ToArray();
        if (keys.Length == 0)
        {
            return [];
        }

        await using var query = store.QuerySession();
        var processed = await query.LoadManyAsync<ProcessedMessage>(cancellationToken, keys);
        return [.. processed.Select(message => message.MessageId)];
    }

    private Task WhenStarted(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        return started.Task;
    }

    private sealed record Page(IReadOnlyList<JsonElement> Items, long Next, bool More);

    [LoggerMessage(Level = LogLevel.Information, Message = "Caught up {Count} events from the {Publisher} feed into {Queue}")]
    private static partial void LogCaughtUp(ILogger logger, int count, string publisher, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the {Publisher} feed failed; trying again in {Seconds} s")]
    private static partial void LogFailed(ILogger logger, Exception error, string publisher, double seconds);
}
