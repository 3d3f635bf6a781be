using LearningWeek.ApiDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningWeek.LibraryFund;

internal static class LibraryFundProblems
{
    public static ProblemHttpResult BookshelfNotFound(Guid id) => NotFound("Không tìm thấy tủ sách", $"No bookshelf {id}.");

    public static ProblemHttpResult PledgeNotFound(Guid id) => NotFound("Không tìm thấy cam kết tài trợ", $"No pledge {id}.");

    public static ValidationProblem BadQuery(string field, string message) =>
        ApiDefaults.Validation.Problems.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: title, detail: detail);
}
