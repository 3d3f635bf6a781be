using System.Security.Claims;
using LearningWeek.ActivityReporting.Plans;
using LearningWeek.ActivityReporting.UnitReports;
using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;
using Marten;

namespace LearningWeek.ActivityReporting.Activities;

/// <summary>Sửa, rút báo cáo: a unit corrects or withdraws an activity report until its unit report is accepted.</summary>
public static class ChangeActivity
{
    public static Decision Correct(ActivityReport report, ActivityRequest request, ReportingPlan plan, UnitReport obligation, Caller caller, DateTimeOffset now)
    {
        if (Refused(report, caller) is { } refused)
        {
            return refused;
        }

        if (request.PlanId is { } planId && planId != report.PlanId || request.UnitCode is { } unitCode && unitCode != report.UnitCode)
        {
            return DomainError.Rule("report-moved", "Không thể chuyển báo cáo sang kế hoạch hoặc đơn vị khác",
                "Khi sửa báo cáo, kế hoạch và đơn vị phải giữ nguyên; nếu cần thay đổi, hãy rút báo cáo này và báo cáo lại.",
                english: "A correction keeps the report's plan and unit; withdraw it and report anew instead.", field: request.PlanId != report.PlanId ? "planId" : "unitCode");
        }

        var content = request.ToContent();
        if (ActivityRules.Check(content, plan, obligation, now) is { } broken)
        {
            return broken;
        }

        return content == report.Content && content.Formats.SequenceEqual(report.Content.Formats) && content.Evidence.SequenceEqual(report.Content.Evidence)
            ? Decision.Of()
            : Decision.Of(new ActivityReportCorrected(report.Id, report.PlanId, report.UnitCode, report.WardCode, report.Revision + 1, content, report.Content, now, caller.Actor));
    }

    public static Decision Withdraw(ActivityReport report, string? reason, UnitReport obligation, Caller caller, DateTimeOffset now)
    {
        if (Refused(report, caller) is { } refused)
        {
            return refused;
        }

        if (!obligation.AcceptsActivityChanges)
        {
            return DomainError.Conflict("unit-report-accepted", "Báo cáo kết quả của đơn vị đã được tiếp nhận",
                "Báo cáo kết quả của đơn vị về kế hoạch này đã được tiếp nhận; các báo cáo hoạt động của đơn vị không thể thay đổi nữa.",
                english: "The unit's report on this plan was accepted: its activity reports are final.");
        }

        return Decision.Of(new ActivityReportWithdrawn(report.Id, report.PlanId, report.UnitCode, report.WardCode, reason, report.Content, now, caller.Actor));
    }

    private static DomainError? Refused(ActivityReport report, Caller caller) =>
        !caller.MayWriteFor(report.UnitCode, report.WardCode)
            ? DomainError.Forbidden("Không thể sửa báo cáo của đơn vị khác", $"Tài khoản không có quyền sửa báo cáo của đơn vị {report.UnitCode}.",
                english: $"The caller may not change reports of unit {report.UnitCode}.")
            : report.Withdrawn
                ? DomainError.Conflict("activity-withdrawn", "Báo cáo hoạt động đã được rút", "Báo cáo hoạt động này đã được rút.", english: "The activity report was withdrawn.")
                : null;

    public static void Map(IEndpointRouteBuilder activities)
    {
        activities.MapPut("/{id:guid}", (Guid id, ActivityRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
                http.Request.LacksIfMatch()
                    ? Task.FromResult<IResult>(CommandResults.IfMatchRequired()) // a correction replaces the whole report: name the version it replaces
                    : Execute(id, user, session, http, cancellationToken, (report, plan, obligation) => Correct(report, request, plan, obligation, user.Caller(), clock.GetUtcNow())))
            .RequireAuthorization(Policies.UnitWriter)
            .Validates<ActivityRequest>()
            .Produces<ActivityResponse>()
            .WithName("CorrectActivity")
            .WithSummary("Correct an activity report (kept in its history; If-Match)");
        activities.MapDelete("/{id:guid}", (Guid id, string? reason, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
                Execute(id, user, session, http, cancellationToken, (report, _, obligation) => Withdraw(report, reason?.Trim(), obligation, user.Caller(), clock.GetUtcNow())))
            .RequireAuthorization(Policies.UnitWriter)
            .Produces<ActivityResponse>()
            .WithName("WithdrawActivity")
            .WithSummary("Withdraw an activity report: it no longer counts, and stays in its history (If-Match)");
    }

    private static async Task<IResult> Execute(
        Guid id, ClaimsPrincipal user, IDocumentSession session, HttpContext http, CancellationToken cancellationToken,
        Func<ActivityReport, ReportingPlan, UnitReport, Decision> decide)
    {
        if (!ETags.TryReadIfMatch(http.Request, out var expected))
        {
            return CommandResults.BadIfMatch();
        }

        var current = await session.LoadAsync<ActivityReport>(id, cancellationToken);
        if (current is null || !user.Caller().MayReadFor(current.UnitCode, current.WardCode))
        {
            return ReportingProblems.ActivityNotFound(id);
        }

        // Until this commits, the unit's report cannot be accepted; and an acceptance that committed first is seen below.
        await session.HoldStreamAsync(UnitReport.StreamId(current.PlanId, current.UnitCode), cancellationToken);
        var plan = await session.LoadAsync<ReportingPlan>(current.PlanId, cancellationToken);
        var obligation = await session.LoadAsync<UnitReport>(UnitReport.StreamId(current.PlanId, current.UnitCode), cancellationToken);
        var outcome = await session.DecideAsync<ActivityReport>(id, expected, report => decide(report, plan!, obligation!), cancellationToken);
        switch (outcome)
        {
            case CommandOutcome<ActivityReport>.Applied applied:
                http.Response.SetETag(applied.Version);
                return TypedResults.Ok(ActivityResponse.From(applied.State));
            case CommandOutcome<ActivityReport>.Rejected rejected:
                return rejected.Error.ToProblem();
            case CommandOutcome<ActivityReport>.VersionMismatch mismatch:
                return CommandResults.VersionProblem(mismatch.ClientExpectedVersion);
            default:
                return ReportingProblems.ActivityNotFound(id);
        }
    }
}
