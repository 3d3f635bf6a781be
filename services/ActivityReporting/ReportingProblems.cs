using LearningWeek.ApiDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningWeek.ActivityReporting;

internal static class ReportingProblems
{
    public static ProblemHttpResult ActivityNotFound(Guid id) => NotFound("Không tìm thấy báo cáo hoạt động", $"Không có báo cáo hoạt động {id}.", $"No activity report {id}.");

    public static ProblemHttpResult UnitReportNotFound(Guid planId, string unitCode) =>
        NotFound("Không tìm thấy báo cáo của đơn vị", $"Đơn vị {unitCode} không có báo cáo (cũng không có nhiệm vụ báo cáo) về kế hoạch {planId}.",
            $"Unit {unitCode} has no report (nor obligation) on plan {planId}.");

    public static ProblemHttpResult PlanNotFound(Guid planId) => NotFound("Không tìm thấy kế hoạch", $"Không có kế hoạch đã ban hành với mã {planId}.", $"No issued plan {planId}.");

    public static ValidationProblem BadQuery(string field, string message) =>
        ApiDefaults.Validation.Problems.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult NotFound(string title, string detail, string english) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: title, detail: detail, extensions: ProblemLanguage.English(english));
}
