using System.Security.Claims;
using LearningWeek.ActivityReporting.Plans;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.EventSourcing;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningWeek.ActivityReporting.UnitReports;

public sealed record UnitReportResponse(
    Guid PlanId,
    string UnitCode,
    string UnitKind,
    string WardCode,
    DateTimeOffset DueAt,
    string DueText,
    UnitReportStatus Status,
    int Revision,
    Narrative? Narrative,
    ReportFigures? Figures,
    DateTimeOffset? FirstSubmittedAt,
    bool? OnTime,
    IReadOnlyList<Submission> Submissions,
    long Version)
{
    public static UnitReportResponse From(UnitReport report) => new(
        report.PlanId, report.UnitCode, report.UnitKind, report.WardCode, VietnamTime.ToVietnam(report.DueAt),
        $"trước {VietnamTime.Format(report.DueAt)} (giờ Việt Nam)", report.Status, report.Revision, report.Narrative, report.Figures,
        report.FirstSubmittedAt, report.FirstOnTime, report.Submissions, report.Version);
}

internal static class UnitReportResults
{
    public static IResult From(CommandOutcome<UnitReport> outcome, Guid planId, string unitCode, HttpContext http, int successStatus)
    {
        switch (outcome)
        {
            case CommandOutcome<UnitReport>.Applied applied:
                http.Response.SetETag(applied.Version);
                var body = UnitReportResponse.From(applied.State);
                return successStatus == StatusCodes.Status201Created
                    ? TypedResults.Created($"{ReportingApi.Prefix}/plans/{planId}/units/{unitCode}/report", body)
                    : TypedResults.Ok(body);
            case CommandOutcome<UnitReport>.Rejected rejected:
                return rejected.Error.ToProblem();
            case CommandOutcome<UnitReport>.VersionMismatch mismatch:
                return CommandResults.VersionProblem(mismatch.ClientExpectedVersion);
            default:
                return ReportingProblems.UnitReportNotFound(planId, unitCode);
        }
    }
}

public static class ReadUnitReport
{
    public static void Map(IEndpointRouteBuilder unitReport) =>
        unitReport.MapGet("/", Get)
            .RequireAuthorization(Policies.Reader)
            .WithName("GetUnitReport")
            .WithSummary("A unit's obligation and report on a plan: due instant, status, narrative, figures, submissions");

    private static async Task<Results<Ok<UnitReportResponse>, ProblemHttpResult>> Get(
        Guid planId, string unitCode, IQuerySession session, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken)
    {
        var report = await session.LoadAsync<UnitReport>(UnitReport.StreamId(planId, unitCode), cancellationToken);
        if (report is null || !user.Caller().MayReadFor(unitCode, report.WardCode))
        {
            return ReportingProblems.UnitReportNotFound(planId, unitCode);
        }

        response.SetETag(report.Version);
        return TypedResults.Ok(UnitReportResponse.From(report));
    }
}
