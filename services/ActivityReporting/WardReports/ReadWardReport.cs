using System.Security.Claims;
using LearningWeek.ApiDefaults.Identity;
using Marten;

namespace LearningWeek.ActivityReporting.WardReports;

public sealed record WardReportResponse(
    Guid PlanId, string WardCode, WardReportStatus Status, int Revision, WardReportContent Content,
    DateTimeOffset CompiledAt, DateTimeOffset? SubmittedAt, bool? OnTime, string DocumentUrl, long Version)
{
    public static WardReportResponse From(WardReport report) => new(
        report.PlanId, report.WardCode, report.Status, report.Revision, report.Content, report.CompiledAt, report.SubmittedAt, report.OnTime,
        $"{ReportingApi.Prefix}/plans/{report.PlanId}/ward-report?format=docx", report.Version);
}

public static class ReadWardReport
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder wardReport) =>
        wardReport.MapGet("/", Handle)
            .RequireAuthorization(Policies.EventReader)
            .Produces<WardReportResponse>()
            .Produces(StatusCodes.Status200OK, contentType: WardReportDocument.ContentType)
            .WithName("GetWardReport")
            .WithSummary("The ward report as JSON, or as a .docx in the layout of Decree 30/2020/NĐ-CP (?format=docx or Accept: the Word type)");

    private static async Task<IResult> Handle(Guid planId, IQuerySession session, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken, string? format = null)
    {
        var report = await session.LoadAsync<WardReport>(WardReport.StreamId(planId), cancellationToken);
        var caller = user.Caller();
        if (report is null || (caller.IsWardOfficer && report.WardCode != caller.WardCode))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ApiDefaults.Problems.ProblemTypes.NotFound,
                title: "Chưa có báo cáo tổng hợp", detail: $"Báo cáo tổng hợp của kế hoạch {planId} chưa được lập.",
                extensions: ApiDefaults.Problems.ProblemLanguage.English($"The ward report of plan {planId} has not been compiled."));
        }

        http.Response.Headers.ETag = ApiDefaults.Http.ETags.For(report.Version);
        var wantsDocument = string.Equals(format, "docx", StringComparison.OrdinalIgnoreCase)
            || http.Request.Headers.Accept.ToString().Contains(WardReportDocument.ContentType, StringComparison.Ordinal);
        return wantsDocument
            ? TypedResults.File(WardReportDocument.Build(report), WardReportDocument.ContentType,
                $"bao-cao-tong-hop-tuan-le-hoc-tap-suot-doi-{report.Content.Figures.PlanId:N}.docx")
            : TypedResults.Ok(WardReportResponse.From(report));
    }
}
