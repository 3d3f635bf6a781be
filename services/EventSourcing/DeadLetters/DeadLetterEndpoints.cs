using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LearningWeek.EventSourcing.DeadLetters;

public static class DeadLetterEndpoints
{
    private const int Shown = 20;

    /// <summary>
    /// For ops: <c>GET {group}/dead-letters</c> lists the service's <c>_error</c> queues with the
    /// first messages of each (id, type, why it failed, when), and
    /// <c>POST {group}/dead-letters/{queue}/redrive</c> moves a queue's failed messages back to it.
    /// </summary>
    public static RouteGroupBuilder MapDeadLetters(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/dead-letters");
        group.MapGet("", async (ErrorQueues queues, CancellationToken cancellationToken) =>
                TypedResults.Ok(await queues.ListAsync(Shown, cancellationToken)))
            .RequireAuthorization(Policies.Operator)
            .WithName("DeadLetters")
            .WithSummary("The service's error queues and what they hold (ops)");
        group.MapPost("/{queue}/redrive", RedriveAsync)
            .RequireAuthorization(Policies.Operator)
            .WithName("RedriveDeadLetters")
            .WithSummary("Moves a consumer queue's failed messages back to it once the cause is fixed (ops)");
        return group;
    }

    private static async Task<Results<Ok<Redrive>, ProblemHttpResult>> RedriveAsync(string queue, ErrorQueues queues, CancellationToken cancellationToken) =>
        await queues.RedriveAsync(queue, cancellationToken) is { } redrive
            ? TypedResults.Ok(redrive)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound,
                title: "Không tìm thấy hàng đợi",
                detail: $"Dịch vụ không có hàng đợi tiêu thụ “{queue}”. Các hàng đợi: {string.Join(", ", queues.Queues)}.");
}
