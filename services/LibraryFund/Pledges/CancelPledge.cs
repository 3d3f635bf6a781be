using System.Security.Claims;
using FluentValidation;
using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;
using Marten;

namespace LearningWeek.LibraryFund.Pledges;

/// <summary>Huỷ cam kết: what has not arrived will not; what arrived stays received and may still be allocated.</summary>
public static class CancelPledge
{
    public sealed record Request(string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(request => request.Reason).RequiredText(1000, multiline: true);
    }

    public static Decision Decide(Pledge pledge, Request request, Caller caller, DateTimeOffset now)
    {
        if (!caller.MayActForWard(pledge.WardCode))
        {
            return DomainError.Forbidden("Chỉ cán bộ của phường huỷ cam kết tài trợ",
                "Chỉ cán bộ của phường nơi ghi nhận cam kết tài trợ mới được huỷ cam kết này.", english: "Only an officer of the pledge's ward cancels it.");
        }

        if (pledge.Cancelled)
        {
            return DomainError.Conflict("pledge-cancelled", "Cam kết tài trợ đã bị huỷ", "Cam kết tài trợ đã được huỷ trước đó.", english: "The pledge is already cancelled.");
        }

        var unreceived = Math.Max(pledge.Gift.Quantity - pledge.Received, 0);
        var unreceivedValue = Math.Max(pledge.Gift.EstimatedValueVnd - pledge.ReceivedValueVnd, 0);
        return Decision.Of(new PledgeCancelled(
            pledge.Id, pledge.PlanId, pledge.WardCode, pledge.Gift.Kind, unreceived, unreceived == 0 ? 0 : unreceivedValue, request.Reason!.Trim(), now, caller.Actor));
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder pledges) =>
        pledges.MapPost("/{id:guid}/cancel", Handle)
            .RequireAuthorization(Policies.WardOfficer)
            .Validates<Request>()
            .Produces<PledgeResponse>()
            .WithName("CancelPledge")
            .WithSummary("Cancel a pledge with the reason: it takes no more receipts (ward officer; If-Match)");

    private static async Task<IResult> Handle(Guid id, Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadIfMatch(http.Request, out var expected))
        {
            return CommandResults.BadIfMatch();
        }

        var caller = user.Caller();
        var outcome = await session.DecideAsync<Pledge>(id, expected, pledge => Decide(pledge, request, caller, clock.GetUtcNow()), cancellationToken);
        return PledgeResults.From(outcome, id, caller, http, StatusCodes.Status200OK);
    }
}
