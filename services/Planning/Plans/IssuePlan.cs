using System.Security.Claims;
using FluentValidation;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;
using LearningWeek.Planning.Units;
using Marten;

namespace LearningWeek.Planning.Plans;

/// <summary>
/// Ban hành: the ward officer issues the plan. It is frozen from then on; the units its reporting
/// audiences cover (active units of the ward, at this moment) are told they must report, by when.
/// </summary>
public static class IssuePlan
{
    public sealed record Request(string? Number);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(request => request.Number).OptionalText(50);
    }

    /// <param name="activeUnits">The active units of the plan's ward (the handler reads them; the decision stays pure).</param>
    public static Decision Decide(Plan plan, Request request, IReadOnlyList<Unit> activeUnits, Caller caller, DateTimeOffset now)
    {
        if (!caller.MayActForWard(plan.WardCode))
        {
            return PlanRules.OtherWard(plan.WardCode);
        }

        if (plan.Status != PlanStatus.Draft)
        {
            return PlanRules.NotADraft(plan);
        }

        var content = plan.Content;
        if (content.Period is null)
        {
            return Missing("period", "Chưa có thời gian tổ chức", "Kế hoạch phải có thời gian tổ chức mới được ban hành.", "A plan is issued with its period.");
        }

        if (plan.ActivityLines.Count == 0)
        {
            return Missing("activityLines", "Chưa có hoạt động nào", "Kế hoạch phải có ít nhất một hoạt động mới được ban hành.",
                "A plan is issued with at least one activity line.");
        }

        if (content.Deadlines is null)
        {
            return Missing("deadlines", "Chưa có hạn báo cáo", "Kế hoạch phải có hạn báo cáo mới được ban hành.", "A plan is issued with its reporting deadlines.");
        }

        if ((PlanRules.PeriodInYear(content.Period, content.Year) ?? PlanRules.DeadlinesAfterPeriod(content.Deadlines, content.Period)) is { } dates)
        {
            return dates;
        }

        var targets = activeUnits
            .Where(unit => unit.WardCode == plan.WardCode && plan.ExpectsReportFrom(unit.Code, unit.Kind))
            .OrderBy(unit => unit.Code, StringComparer.Ordinal)
            .Select(unit => new TargetUnit(unit.Code, unit.Kind, content.Deadlines.UnitsReportBefore))
            .ToList();
        return Decision.Of(new PlanIssued(
            plan.Id, plan.WardCode, request.Number?.Trim(), content, plan.ActivityLines, plan.Responsibilities, targets, now, caller.Actor));
    }

    private static DomainError Missing(string field, string title, string detail, string english) =>
        DomainError.Rule("plan-incomplete", title, detail, english: english, field: field);

    public static void Map(IEndpointRouteBuilder plans) =>
        plans.MapPost("/{id:guid}/issue", Handle)
            .RequireAuthorization(Policies.WardOfficer)
            .Validates<Request>()
            .Produces<PlanResponse>()
            .WithName("IssuePlan")
            .WithSummary("Issue a draft plan: it is frozen and units start reporting (ward officer; If-Match)");

    private static async Task<IResult> Handle(
        Guid id, Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = user.Caller();
        var units = await session.Query<Unit>()
            .Where(unit => unit.WardCode == caller.WardCode && unit.Active)
            .ToListAsync(cancellationToken);
        return await PlanCommands.Execute(id, plan => Decide(plan, request, units, caller, clock.GetUtcNow()), session, http, cancellationToken);
    }
}
