using LearningWeek.ApiDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningWeek.LibraryFund;

internal static class LibraryFundProblems
{
    public static ProblemHttpResult BookshelfNotFound(Guid id) => NotFound("Không tìm thấy tủ sách", $"Không có tủ sách {id}.", $"No bookshelf {id}.");

    public static ProblemHttpResult PledgeNotFound(Guid id) => NotFound("Không tìm thấy cam kết tài trợ", $"Không có cam kết tài trợ {id}.", $"No pledge {id}.");

    public static ValidationProblem BadQuery(string field, string message) =>
        ApiDefaults.Validation.Problems.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult NotFound(string title, string detail, string english) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: title, detail: detail, extensions: ProblemLanguage.English(english));
}
