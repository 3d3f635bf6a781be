using System.Security.Claims;
using FluentValidation;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;
using LearningWeek.Planning.Units;
using Marten;

namespace LearningWeek.Planning.Plans;

/// <summary>Hoạt động của Tuần lễ: the lines of a draft plan that units report against.</summary>
public static class ActivityLines
{
    public sealed record Request(string? Code, string? Title, string? Description, IReadOnlyList<string?>? SuggestedFormats, IReadOnlyList<UnitKind>? TargetKinds)
    {
        public ActivityLine ToLine() => new(
            Code!, Title!.Trim(), Description?.Trim(), [.. (SuggestedFormats ?? []).Select(format => format!.Trim())], [.. (TargetKinds ?? []).Distinct()]);
    }

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(line => line.Code).NotEmpty().WithMessage("Bắt buộc nhập.")
                .Matches(@"^\d{1,2}(\.\d{1,2}){0,3}$").WithMessage("Mã hoạt động dạng số, ví dụ 3.2.");
            RuleFor(line => line.Title).RequiredText(300);
            RuleFor(line => line.Description).OptionalText(4000, multiline: true);
            RuleFor(line => line.SuggestedFormats).Must(formats => formats is null || formats.Count <= 30).WithMessage("Tối đa 30 hình thức.");
            RuleForEach(line => line.SuggestedFormats).RequiredText(200);
        }
    }

    public static Decision Add(Plan plan, ActivityLine line, Caller caller, DateTimeOffset now) =>
        !caller.MayActForWard(plan.WardCode) ? PlanRules.OtherWard(plan.WardCode)
        : plan.Status != PlanStatus.Draft ? PlanRules.NotADraft(plan)
        : plan.Line(line.Code) is not null ? DuplicateLine(line.Code)
        : Decision.Of(new ActivityLineAdded(plan.Id, line, now, caller.Actor));

    public static Decision Remove(Plan plan, string code, Caller caller, DateTimeOffset now) =>
        !caller.MayActForWard(plan.WardCode) ? PlanRules.OtherWard(plan.WardCode)
        : plan.Status != PlanStatus.Draft ? PlanRules.NotADraft(plan)
        : plan.Line(code) is null ? DomainError.Conflict("unknown-activity-line", "Không có hoạt động này trong kế hoạch",
            $"Kế hoạch không có hoạt động mã {code}.", english: $"The plan has no line {code}.", field: "code")
        : Decision.Of(new ActivityLineRemoved(plan.Id, code, now, caller.Actor));

    public static DomainError DuplicateLine(string code) => DomainError.Conflict(
        "duplicate-activity-line", "Mã hoạt động đã có trong kế hoạch", $"Kế hoạch đã có hoạt động mã {code}.", english: $"The plan already has a line {code}.", field: "code");

    public static void Map(IEndpointRouteBuilder plans)
    {
        plans.MapPost("/{id:guid}/activity-lines", (Guid id, Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
                PlanCommands.Execute(id, plan => Add(plan, request.ToLine(), user.Caller(), clock.GetUtcNow()), session, http, cancellationToken, StatusCodes.Status201Created))
            .RequireAuthorization(Policies.WardOfficer)
            .Validates<Request>()
            .WithIdempotency()
            .Produces<PlanResponse>(StatusCodes.Status201Created)
            .WithName("AddActivityLine")
            .WithSummary("Add an activity line to a draft plan (ward officer)");
        plans.MapDelete("/{id:guid}/activity-lines/{code}", (Guid id, string code, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
                PlanCommands.Execute(id, plan => Remove(plan, code, user.Caller(), clock.GetUtcNow()), session, http, cancellationToken))
            .RequireAuthorization(Policies.WardOfficer)
            .Produces<PlanResponse>()
            .WithName("RemoveActivityLine")
            .WithSummary("Remove an activity line from a draft plan (ward officer)");
    }
}
