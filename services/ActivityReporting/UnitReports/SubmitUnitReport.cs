using System.Security.Claims;
using FluentValidation;
using LearningWeek.ActivityReporting.Activities;
using LearningWeek.ActivityReporting.Plans;
using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;
using Marten;

namespace LearningWeek.ActivityReporting.UnitReports;

/// <summary>
/// Nộp báo cáo kết quả: a unit submits its summary report on a plan, with the figures of its
/// activity reports at that moment. Before its due instant it is on time; at or after, late (and
/// still taken). A returned report is corrected and submitted again.
/// </summary>
public static class SubmitUnitReport
{
    public sealed record Request(string? Results, string? Highlights, string? Difficulties, string? Proposals);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(report => report.Results).RequiredText(8000, multiline: true);
            RuleFor(report => report.Highlights).OptionalText(8000, multiline: true);
            RuleFor(report => report.Difficulties).OptionalText(8000, multiline: true);
            RuleFor(report => report.Proposals).OptionalText(8000, multiline: true);
        }
    }

    public static Decision Decide(UnitReport report, Request request, IReadOnlyList<ActivityReport> activities, ReportingPlan plan, Caller caller, DateTimeOffset now)
    {
        if (!caller.MayWriteFor(report.UnitCode, report.WardCode))
        {
            return DomainError.Forbidden("Không thể nộp báo cáo thay đơn vị khác", $"Tài khoản không có quyền nộp báo cáo của đơn vị {report.UnitCode}.",
                english: $"The caller may not submit the report of unit {report.UnitCode}.");
        }

        if (plan.Closed)
        {
            return DomainError.Conflict("plan-closed", "Kế hoạch đã kết thúc", "Kế hoạch đã kết thúc, không tiếp nhận thêm báo cáo.", english: "The plan is closed: it takes no more reports.");
        }

        if (report.Voluntary)
        {
            return DomainError.Rule("not-expected", "Kế hoạch không giao nhiệm vụ báo cáo kết quả cho đơn vị này",
                "Đơn vị tự nguyện tham gia: các báo cáo hoạt động của đơn vị vẫn được tính, nhưng đơn vị không phải nộp báo cáo kết quả.",
                english: "The unit takes part of its own accord: its activity reports count, and no summary report is due from it.");
        }

        switch (report.Status)
        {
            case UnitReportStatus.Submitted:
                return DomainError.Conflict("unit-report-under-review", "Báo cáo đang chờ phường xem xét",
                    "Báo cáo đã được nộp và đang chờ phường xem xét; chỉ có thể nộp lại sau khi báo cáo được trả lại.",
                    english: "The report was submitted and waits for the ward's review; it can be submitted again once returned.");
            case UnitReportStatus.Accepted:
                return DomainError.Conflict("unit-report-accepted", "Báo cáo kết quả đã được tiếp nhận", "Báo cáo đã được tiếp nhận và không thể thay đổi nữa.",
                    english: "The report was accepted: it is final.");
            case UnitReportStatus.Withdrawn:
                return DomainError.Conflict("not-expected", "Đơn vị không còn phải báo cáo kế hoạch này", "Đơn vị không còn phải báo cáo về kế hoạch này.",
                    english: "The unit is no longer expected to report on this plan.");
        }

        var narrative = new Narrative(request.Results!.Trim(), Optional(request.Highlights), Optional(request.Difficulties), Optional(request.Proposals));
        return Decision.Of(new UnitReportSubmitted(
            report.PlanId, report.UnitCode, report.UnitKind, report.WardCode, report.Revision + 1, narrative, Figures(activities),
            report.DueAt, OnTime: now < report.DueAt, now, caller.Actor));
    }

    /// <summary>The unit's figures: its activity reports that count (not withdrawn), in total and by line.</summary>
    public static ReportFigures Figures(IReadOnlyList<ActivityReport> activities)
    {
        var counted = activities.Where(activity => !activity.Withdrawn).ToList();
        return new ReportFigures(
            counted.Count,
            counted.Sum(activity => activity.Content.Sessions),
            Sum(counted.Select(activity => activity.Content.Participants)),
            [.. counted.GroupBy(activity => activity.Content.LineCode).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => new LineFigures(
                group.Key, group.Count(), group.Sum(activity => activity.Content.Sessions), Sum(group.Select(activity => activity.Content.Participants))))]);
    }

    public static ParticipantCounts Sum(IEnumerable<ParticipantCounts> counts) => counts.Aggregate(
        new ParticipantCounts(0, 0, 0, 0, 0),
        (total, c) => new ParticipantCounts(total.Students + c.Students, total.TeachersAndStaff + c.TeachersAndStaff, total.Parents + c.Parents,
            total.Residents + c.Residents, total.Members + c.Members));

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder unitReport) =>
        unitReport.MapPost("/", Handle)
            .RequireAuthorization(Policies.UnitWriter)
            .Validates<Request>()
            .WithIdempotency()
            .Produces<UnitReportResponse>(StatusCodes.Status201Created)
            .WithName("SubmitUnitReport")
            .WithSummary("Submit the unit's summary report on a plan (on time before its due instant, late at or after it)");

    private static async Task<IResult> Handle(
        Guid planId, string unitCode, Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadIfMatch(http.Request, out var expected))
        {
            return CommandResults.BadIfMatch();
        }

        var plan = await session.LoadAsync<ReportingPlan>(planId, cancellationToken);
        if (plan is null)
        {
            return ReportingProblems.PlanNotFound(planId);
        }

        var activities = await session.Query<ActivityReport>()
            .Where(activity => activity.PlanId == planId && activity.UnitCode == unitCode && !activity.Withdrawn)
            .ToListAsync(cancellationToken);
        var outcome = await session.DecideAsync<UnitReport>(UnitReport.StreamId(planId, unitCode), expected,
            report => Decide(report, request, activities, plan, user.Caller(), clock.GetUtcNow()), cancellationToken);
        return UnitReportResults.From(outcome, planId, unitCode, http, StatusCodes.Status201Created);
    }
}
