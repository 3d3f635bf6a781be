using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LearningWeek.ApiDefaults.Problems;

public static class ProblemDetailsSetup
{
    /// <summary>
    /// Every error is an RFC 9457 ProblemDetails with a stable type, a Vietnamese title and detail
    /// (English detail on Accept-Language: en), the request id and the trace id; never an
    /// exception message, a stack trace or SQL.
    /// </summary>
    public static IServiceCollection AddLearningWeekProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            var (type, title) = ProblemTypes.ForStatus(status);
            if (string.IsNullOrEmpty(problem.Type) || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                problem.Type = type;
                problem.Title = title;
            }

            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            problem.Extensions.Remove("exception"); // the developer exception page's, never sent
            ProblemLanguage.Apply(context);
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }
}
