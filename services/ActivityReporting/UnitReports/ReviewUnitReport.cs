using System.Security.Claims;
using FluentValidation;
using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;
using Marten;

namespace LearningWeek.ActivityReporting.UnitReports;

/// <summary>Tiếp nhận, trả lại: the ward officer accepts a submitted report, or returns it with the reason.</summary>
public static class ReviewUnitReport
{
    public sealed record AcceptRequest(string? Note);

    public sealed record ReturnRequest(string? Reason);

    public sealed class AcceptValidator : AbstractValidator<AcceptRequest>
    {
        public AcceptValidator() => RuleFor(request => request.Note).OptionalText(2000, multiline: true);
    }

    public sealed class ReturnValidator : AbstractValidator<ReturnRequest>
    {
        public ReturnValidator() => RuleFor(request => request.Reason).RequiredText(2000, multiline: true);
    }

    public static Decision Accept(UnitReport report, AcceptRequest request, Caller caller, DateTimeOffset now) =>
        Reviewable(report, caller) ?? (Decision)Decision.Of(new UnitReportAccepted(
            report.PlanId, report.UnitCode, report.WardCode, report.Revision, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), now, caller.Actor));

    public static Decision Return(UnitReport report, ReturnRequest request, Caller caller, DateTimeOffset now) =>
        Reviewable(report, caller) ?? (Decision)Decision.Of(new UnitReportReturned(
            report.PlanId, report.UnitCode, report.WardCode, report.Revision, request.Reason!.Trim(), now, caller.Actor));

    private static DomainError? Reviewable(UnitReport report, Caller caller) =>
        !caller.MayActForWard(report.WardCode)
            ? DomainError.Forbidden("Chỉ cán bộ của phường xem xét báo cáo",
                "Chỉ cán bộ của phường nơi đơn vị trực thuộc mới được xem xét báo cáo của đơn vị.", english: "Only an officer of the unit's ward reviews its report.")
            : report.Status != UnitReportStatus.Submitted
                ? DomainError.Conflict("unit-report-not-submitted", "Không có báo cáo đang chờ xem xét",
                    $"Báo cáo {StatusText(report.Status)}, không ở trạng thái chờ xem xét.",
                    english: $"The report is {report.Status.ToString().ToLowerInvariant()}, not waiting for review.")
                : null;

    private static string StatusText(UnitReportStatus status) => status switch
    {
        UnitReportStatus.Open => "chưa được nộp",
        UnitReportStatus.Submitted => "đã được nộp",
        UnitReportStatus.Returned => "đã được trả lại để chỉnh sửa",
        UnitReportStatus.Accepted => "đã được tiếp nhận",
        UnitReportStatus.Withdrawn => "không còn phải nộp",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static void Map(IEndpointRouteBuilder unitReport)
    {
        unitReport.MapPost("/accept", (Guid planId, string unitCode, AcceptRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
                Execute(planId, unitCode, report => Accept(report, request, user.Caller(), clock.GetUtcNow()), session, http, cancellationToken))
            .RequireAuthorization(Policies.WardOfficer)
            .Validates<AcceptRequest>()
            .Produces<UnitReportResponse>()
            .WithName("AcceptUnitReport")
            .WithSummary("Accept a unit's submitted report (ward officer; If-Match)");
        unitReport.MapPost("/return", (Guid planId, string unitCode, ReturnRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
                Execute(planId, unitCode, report => Return(report, request, user.Caller(), clock.GetUtcNow()), session, http, cancellationToken))
            .RequireAuthorization(Policies.WardOfficer)
            .Validates<ReturnRequest>()
            .Produces<UnitReportResponse>()
            .WithName("ReturnUnitReport")
            .WithSummary("Return a unit's submitted report for correction, with the reason (ward officer; If-Match)");
    }

    private static async Task<IResult> Execute(
        Guid planId, string unitCode, Func<UnitReport, Decision> decide, IDocumentSession session, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadIfMatch(http.Request, out var expected))
        {
            return CommandResults.BadIfMatch();
        }

        var outcome = await session.DecideAsync(UnitReport.StreamId(planId, unitCode), expected, decide, cancellationToken);
        return UnitReportResults.From(outcome, planId, unitCode, http, StatusCodes.Status200OK);
    }
}
