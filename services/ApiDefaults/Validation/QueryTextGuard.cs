using LearningWeek.ApiDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace LearningWeek.ApiDefaults.Validation;

/// <summary>
/// The values of a request's path and query string follow the same text rules as a body's fields
/// before any handler sees them: no control characters (a NUL would reach the database and fail
/// there), valid Unicode in NFC, bounded length. A bad value is a 400 naming the parameter.
/// </summary>
public sealed class QueryTextGuard(RequestDelegate next)
{
    /// <summary>Codes, cursors, filters and short reasons: nothing a query carries is longer.</summary>
    public const int MaxValueLength = 2000;

    public Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, values) in context.Request.Query)
        {
            foreach (var value in values)
            {
                if (TextRules.Problem(value, MaxValueLength) is { } problem)
                {
                    errors[name] = [problem];
                }
            }
        }

        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is string text && TextRules.Problem(text, MaxValueLength) is { } problem)
            {
                errors[name] = [problem];
            }
        }

        if (errors.Count == 0)
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Type = ProblemTypes.Validation,
                Title = "Dữ liệu không hợp lệ",
                Detail = "Một hoặc nhiều tham số không hợp lệ: " + string.Join(", ", errors.Keys) + ".",
            },
        }).AsTask();
    }
}
