using System.Security.Claims;
using FluentValidation;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;
using Marten;

namespace LearningWeek.Planning.Plans;

/// <summary>
/// Sửa đổi kế hoạch: after issue a plan changes only by amendment, with a reason: a deadline moved
/// (never into the past), activity lines added.
/// </summary>
public static class AmendPlan
{
    public sealed record Request(string? Reason, DateOnly? UnitsReportBefore, DateOnly? WardReportBefore, IReadOnlyList<ActivityLines.Request>? AddActivityLines);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(amendment => amendment.Reason).RequiredText(2000, multiline: true);
            RuleFor(amendment => amendment.UnitsReportBefore).PlausibleDay();
            RuleFor(amendment => amendment.WardReportBefore).PlausibleDay();
            RuleFor(amendment => amendment.AddActivityLines).Must(lines => lines is null || lines.Count <= 20).WithMessage("Tối đa 20 hoạt động.");
            RuleForEach(amendment => amendment.AddActivityLines).NotNull().WithMessage("Thiếu thông tin hoạt động.").SetValidator(new ActivityLines.Validator());
        }
    }

    public static Decision Decide(Plan plan, Request request, Caller caller, DateTimeOffset now)
    {
        if (!caller.MayActForWard(plan.WardCode))
        {
            return PlanRules.OtherWard(plan.WardCode);
        }

        if (plan.Status != PlanStatus.Issued)
        {
            return plan.Status == PlanStatus.Draft
                ? DomainError.Conflict("plan-not-issued", "Kế hoạch còn là dự thảo, hãy sửa trực tiếp",
                    "Dự thảo được sửa trực tiếp (PUT); văn bản sửa đổi chỉ dành cho kế hoạch đã ban hành.", english: "A draft is edited directly (PUT); amendments are for issued plans.")
                : PlanRules.NotIssued(plan);
        }

        var current = plan.Content.Deadlines!;
        var deadlines = new Deadlines(request.UnitsReportBefore ?? current.UnitsReportBefore, request.WardReportBefore ?? current.WardReportBefore);
        var lines = (request.AddActivityLines ?? []).Select(line => line.ToLine()).ToList();
        if (deadlines == current && lines.Count == 0)
        {
            return DomainError.Rule("empty-amendment", "Văn bản sửa đổi không có thay đổi nào",
                "Hãy thay đổi hạn báo cáo hoặc bổ sung hoạt động.", english: "Change a deadline or add an activity line.");
        }

        if (deadlines.UnitsReportBefore != current.UnitsReportBefore && deadlines.UnitsReportDueAt <= now)
        {
            return InThePast("unitsReportBefore", deadlines.UnitsReportBefore);
        }

        if (deadlines.WardReportBefore != current.WardReportBefore && deadlines.WardReportDueAt <= now)
        {
            return InThePast("wardReportBefore", deadlines.WardReportBefore);
        }

        if (PlanRules.DeadlinesAfterPeriod(deadlines, plan.Content.Period) is { } order)
        {
            return order with { Field = order.Field?.Replace("deadlines.", "", StringComparison.Ordinal) };
        }

        var duplicate = lines.Select(line => line.Code).FirstOrDefault(code => plan.Line(code) is not null || lines.Count(other => other.Code == code) > 1);
        if (duplicate is not null)
        {
            return ActivityLines.DuplicateLine(duplicate);
        }

        return Decision.Of(new PlanAmended(
            plan.Id, plan.WardCode, plan.Amendments.Count + 1, request.Reason!.Trim(), deadlines, lines,
            [.. plan.ActivityLines, .. lines], plan.Responsibilities, now, caller.Actor));
    }

    private static DomainError InThePast(string field, DateOnly day) => DomainError.Rule(
        "deadline-in-the-past", "Không thể dời hạn báo cáo về quá khứ",
        $"Với hạn trước ngày {VietnamTime.Format(day)}, báo cáo hiện đã quá hạn.",
        english: $"A report due before {VietnamTime.Format(day)} would already be late now.", field: field);

    public static void Map(IEndpointRouteBuilder plans) =>
        plans.MapPost("/{id:guid}/amendments", (Guid id, Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
                PlanCommands.Execute(id, plan => Decide(plan, request, user.Caller(), clock.GetUtcNow()), session, http, cancellationToken, StatusCodes.Status201Created))
            .RequireAuthorization(Policies.WardOfficer)
            .Validates<Request>()
            .WithIdempotency()
            .Produces<PlanResponse>(StatusCodes.Status201Created)
            .WithName("AmendPlan")
            .WithSummary("Amend an issued plan with a reason: move a deadline, add activity lines (ward officer; If-Match)");
}
