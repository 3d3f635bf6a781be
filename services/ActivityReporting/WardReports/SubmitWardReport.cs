using System.Security.Claims;
using LearningWeek.ActivityReporting.Plans;
using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.EventSourcing;
using Marten;

namespace LearningWeek.ActivityReporting.WardReports;

/// <summary>
/// Gửi báo cáo: the ward officer submits the reviewed summary report to the Department of
/// Education; on time before the ward's due instant. It is frozen from then on.
/// </summary>
public static class SubmitWardReport
{
    public static Decision Decide(WardReport report, ReportingPlan plan, Caller caller, DateTimeOffset now) =>
        !caller.MayActForWard(report.WardCode)
            ? DomainError.Forbidden("Chỉ cán bộ của phường gửi báo cáo",
                "Chỉ cán bộ của phường ban hành kế hoạch mới được gửi báo cáo của kế hoạch.", english: "Only an officer of the plan's ward submits its report.")
            : report.Status == WardReportStatus.Submitted
                ? CompileWardReport.Frozen()
                : Decision.Of(new WardReportSubmitted(
                    report.PlanId, report.WardCode, report.Revision, report.Content.Number, plan.WardReportDueAt, now < plan.WardReportDueAt, report.Totals, now, caller.Actor));

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder wardReport) =>
        wardReport.MapPost("/submit", Handle)
            .RequireAuthorization(Policies.WardOfficer)
            .Produces<WardReportResponse>()
            .WithName("SubmitWardReport")
            .WithSummary("Submit the reviewed ward report to the Department of Education; it is frozen afterwards (ward officer; If-Match = the version reviewed)");

    private static async Task<IResult> Handle(Guid planId, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Request.LacksIfMatch())
        {
            return CommandResults.IfMatchRequired(); // the officer submits the version they reviewed, not whatever is latest
        }

        if (!ETags.TryReadIfMatch(http.Request, out var expected))
        {
            return CommandResults.BadIfMatch();
        }

        var plan = await session.LoadAsync<ReportingPlan>(planId, cancellationToken);
        if (plan is null)
        {
            return ReportingProblems.PlanNotFound(planId);
        }

        var outcome = await session.DecideAsync<WardReport>(WardReport.StreamId(planId), expected, report => Decide(report, plan, user.Caller(), clock.GetUtcNow()), cancellationToken);
        switch (outcome)
        {
            case CommandOutcome<WardReport>.Applied applied:
                http.Response.SetETag(applied.Version);
                return TypedResults.Ok(WardReportResponse.From(applied.State));
            case CommandOutcome<WardReport>.Rejected rejected:
                return rejected.Error.ToProblem();
            case CommandOutcome<WardReport>.VersionMismatch mismatch:
                return CommandResults.VersionProblem(mismatch.ClientExpectedVersion);
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: "urn:learningweek:problem:ward-report-not-compiled",
                    title: "Chưa tổng hợp báo cáo", detail: "Hãy tổng hợp báo cáo của phường (POST …/ward-report) và rà soát trước khi gửi.",
                    extensions: ApiDefaults.Problems.ProblemLanguage.English("Compile the ward report (POST …/ward-report) and review it before submitting."));
        }
    }
}
