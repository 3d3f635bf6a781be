using LearningWeek.ApiDefaults.Identity;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LearningWeek.EventSourcing.Publishing;

/// <summary>One integration event in a service's public feed.</summary>
/// <param name="Sequence">Its position in the service's event store: resume with <c>after=</c> this.</param>
/// <param name="EventId">The stored event's id, also the MessageId on the bus.</param>
/// <param name="Type">The contract's name, e.g. <c>PlanIssued</c>.</param>
/// <param name="MessageType">The MassTransit message type URN, as on the bus.</param>
public sealed record FeedEvent(long Sequence, Guid EventId, string Type, string MessageType, DateTimeOffset OccurredAt, object Data);

/// <summary>A page of the feed; <c>Next</c> is the <c>after</c> of the following page.</summary>
public sealed record FeedPage(IReadOnlyList<FeedEvent> Items, long Next, bool More);

public static class EventFeed
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>
    /// <c>GET {group}/events?after=&amp;limit=</c>: the service's integration events in the order
    /// they were stored, as published on the bus, for a city system to catch up or replay. Only
    /// what the publisher has already handed to the broker is listed, so the feed never shows an
    /// event a subscriber could not also have received.
    /// </summary>
    public static RouteHandlerBuilder MapEventFeed(this IEndpointRouteBuilder group) =>
        group.MapGet("/events", ReadAsync)
            .RequireAuthorization(Policies.EventReader)
            .WithName("EventFeed")
            .WithSummary("The service's integration events in order (catch up or replay from a sequence)");

    private static async Task<Results<Ok<FeedPage>, ProblemHttpResult>> ReadAsync(
        IQuerySession session, IDocumentStore store, IIntegrationEventMapper mapper, CancellationToken cancellationToken,
        long after = 0, int limit = DefaultLimit)
    {
        if (after < 0 || limit is < 1 or > MaxLimit)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                type: ApiDefaults.Problems.ProblemTypes.Validation,
                title: "Dữ liệu không hợp lệ",
                detail: $"after must be ≥ 0 and limit between 1 and {MaxLimit}.",
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = new Dictionary<string, string[]> { [after < 0 ? "after" : "limit"] = ["Giá trị ngoài phạm vi cho phép."] },
                });
        }

        var progress = await store.Advanced.AllProjectionProgress(token: cancellationToken);
        var publishedThrough = progress
            .Where(shard => shard.ShardName.StartsWith(IntegrationEventPublisher.SubscriptionName + ":", StringComparison.Ordinal))
            .Select(shard => shard.Sequence)
            .DefaultIfEmpty(0)
            .Max();

        var items = new List<FeedEvent>(limit);
        var cursor = after;
        while (items.Count < limit && cursor < publishedThrough)
        {
            var stored = await session.Events.QueryAllRawEvents()
                .Where(e => e.Sequence > cursor && e.Sequence <= publishedThrough)
                .OrderBy(e => e.Sequence)
                .Take(limit * 2)
                .ToListAsync(cancellationToken);
            if (stored.Count == 0)
            {
                cursor = publishedThrough;
                break;
            }

            foreach (var e in stored)
            {
                cursor = e.Sequence;
                if (mapper.Map(e) is { } message)
                {
                    var type = message.GetType();
                    items.Add(new FeedEvent(e.Sequence, e.Id, type.Name, $"urn:message:{type.Namespace}:{type.Name}", e.Timestamp, message));
                    if (items.Count == limit)
                    {
                        break;
                    }
                }
            }
        }

        return TypedResults.Ok(new FeedPage(items, cursor, cursor < publishedThrough));
    }
}
