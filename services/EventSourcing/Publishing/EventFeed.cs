using System.Security.Claims;
using System.Text.Json;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.EventSourcing.CloudEvents;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LearningWeek.EventSourcing.Publishing;

/// <summary>
/// A page of the feed: the events as CloudEvents 1.0 (structured JSON, the very bytes that went on
/// the bus, with the same ids); <c>Next</c> is the <c>after</c> of the following page.
/// </summary>
public sealed record FeedPage(IReadOnlyList<JsonElement> Items, long Next, bool More);

public static class EventFeed
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>
    /// <c>GET {group}/events?after=&amp;limit=</c>: the service's integration events in the order
    /// they were stored, as published on the bus, for a city system to catch up or replay. Only
    /// what the publisher has already handed to the broker is listed, so the feed never shows an
    /// event a subscriber could not also have received. A ward officer reads its own ward's
    /// events; city systems and ops read all.
    /// </summary>
    public static RouteHandlerBuilder MapEventFeed(this IEndpointRouteBuilder group) =>
        group.MapGet("/events", ReadAsync)
            .RequireAuthorization(Policies.EventReader)
            .WithName("EventFeed")
            .WithSummary("The service's integration events in order (catch up or replay from a sequence)");

    private static async Task<Results<Ok<FeedPage>, ProblemHttpResult>> ReadAsync(
        IQuerySession session, IDocumentStore store, IIntegrationEventMapper mapper, ClaimsPrincipal user, CancellationToken cancellationToken,
        long after = 0, int limit = DefaultLimit)
    {
        if (after < 0 || limit is < 1 or > MaxLimit)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                type: ApiDefaults.Problems.ProblemTypes.Validation,
                title: "Dữ liệu không hợp lệ",
                detail: $"Tham số after phải từ 0 trở lên và limit từ 1 đến {MaxLimit}.",
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = new Dictionary<string, string[]> { [after < 0 ? "after" : "limit"] = ["Giá trị ngoài phạm vi cho phép."] },
                });
        }

        var publishedThrough = await IntegrationEventPublisher.PublishedThroughAsync(store, cancellationToken);

        var caller = user.Caller();
        var ward = caller.IsWardOfficer ? caller.WardCode : null;
        var items = new List<JsonElement>(limit);
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
                if (mapper.Map(e) is { } message && (ward is null || message.WardCode == ward))
                {
                    items.Add(IntegrationCloudEvents.ToJson(message));
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
