using LearningWeek.ApiDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningWeek.Planning;

/// <summary>Problems every Planning endpoint may answer with.</summary>
internal static class PlanningProblems
{
    public static ProblemHttpResult UnitNotFound(string code) => NotFound("Không tìm thấy đơn vị", $"Không có đơn vị mã {code}.", $"No unit with code {code}.");

    public static ProblemHttpResult PlanNotFound(Guid id) => NotFound("Không tìm thấy kế hoạch", $"Không có kế hoạch mã {id}.", $"No plan with id {id}.");

    public static ValidationProblem BadQuery(string field, string message) =>
        ApiDefaults.Validation.Problems.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult NotFound(string title, string detail, string english) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: title, detail: detail, extensions: ProblemLanguage.English(english));
}
