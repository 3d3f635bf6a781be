using System.Security.Claims;
using FluentValidation;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;
using LearningWeek.Planning.Units;
using Marten;

namespace LearningWeek.Planning.Plans;

/// <summary>Tổ chức thực hiện: who in the ward does what under the plan, and who reports.</summary>
public static class Responsibilities
{
    public sealed record Request(string? Title, IReadOnlyList<UnitKind>? Kinds, IReadOnlyList<string?>? UnitCodes, IReadOnlyList<string?>? Duties, Reporting? Reporting)
    {
        public Responsibility ToResponsibility() => new(
            Title!.Trim(), [.. (Kinds ?? []).Distinct()], [.. (UnitCodes ?? []).Select(code => code!).Distinct()],
            [.. (Duties ?? []).Select(duty => duty!.Trim())], Reporting ?? Plans.Reporting.None);
    }

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(responsibility => responsibility.Title).RequiredText(300);
            RuleFor(responsibility => responsibility)
                .Must(responsibility => (responsibility.Kinds?.Count ?? 0) + (responsibility.UnitCodes?.Count ?? 0) > 0)
                .WithName("kinds").WithMessage("Nêu loại đơn vị hoặc mã đơn vị thực hiện.");
            RuleForEach(responsibility => responsibility.UnitCodes).Code();
            RuleFor(responsibility => responsibility.Duties).NotEmpty().WithMessage("Nêu ít nhất một nhiệm vụ.")
                .Must(duties => duties is null || duties.Count <= 30).WithMessage("Tối đa 30 nhiệm vụ.");
            RuleForEach(responsibility => responsibility.Duties).RequiredText(2000, multiline: true);
        }
    }

    public static Decision Assign(Plan plan, Responsibility responsibility, Caller caller, DateTimeOffset now) =>
        !caller.MayActForWard(plan.WardCode) ? PlanRules.OtherWard(plan.WardCode)
        : plan.Status != PlanStatus.Draft ? PlanRules.NotADraft(plan)
        : Decision.Of(new ResponsibilityAssigned(plan.Id, responsibility, now, caller.Actor));

    public static void Map(IEndpointRouteBuilder plans) =>
        plans.MapPost("/{id:guid}/responsibilities", (Guid id, Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
                PlanCommands.Execute(id, plan => Assign(plan, request.ToResponsibility(), user.Caller(), clock.GetUtcNow()), session, http, cancellationToken, StatusCodes.Status201Created))
            .RequireAuthorization(Policies.WardOfficer)
            .Validates<Request>()
            .WithIdempotency()
            .Produces<PlanResponse>(StatusCodes.Status201Created)
            .WithName("AssignResponsibility")
            .WithSummary("Assign a responsibility (audience, duties, reporting) in a draft plan (ward officer)");
}
