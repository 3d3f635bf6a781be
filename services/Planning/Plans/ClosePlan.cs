using System.Security.Claims;
using FluentValidation;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;
using Marten;

namespace LearningWeek.Planning.Plans;

/// <summary>Kết thúc: the ward officer closes an issued plan; nothing more is expected under it.</summary>
public static class ClosePlan
{
    public sealed record Request(string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(request => request.Reason).OptionalText(2000, multiline: true);
    }

    public static Decision Decide(Plan plan, Request request, Caller caller, DateTimeOffset now) =>
        !caller.MayActForWard(plan.WardCode) ? PlanRules.OtherWard(plan.WardCode)
        : plan.Status != PlanStatus.Issued ? PlanRules.NotIssued(plan)
        : Decision.Of(new PlanClosed(plan.Id, plan.WardCode, request.Reason?.Trim(), now, caller.Actor));

    public static void Map(IEndpointRouteBuilder plans) =>
        plans.MapPost("/{id:guid}/close", (Guid id, Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
                PlanCommands.Execute(id, plan => Decide(plan, request, user.Caller(), clock.GetUtcNow()), session, http, cancellationToken))
            .RequireAuthorization(Policies.WardOfficer)
            .Validates<Request>()
            .Produces<PlanResponse>()
            .WithName("ClosePlan")
            .WithSummary("Close an issued plan (ward officer; If-Match)");
}
