using FluentValidation;
using LearningWeek.ApiDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace LearningWeek.ApiDefaults.Validation;

/// <summary>
/// Validates a request body with its FluentValidation validator before the handler runs: a bad
/// field is a 400 ProblemDetails whose <c>errors</c> name each field by its JSON path
/// (<c>period.start</c>, <c>items[0].participants.students</c>), and nothing is stored.
/// </summary>
public sealed class ValidationFilter<TRequest> : IEndpointFilter where TRequest : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
        if (request is null)
        {
            return Problems.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Thiếu nội dung yêu cầu (JSON)."] });
        }

        var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<TRequest>>();
        var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
        if (result.IsValid)
        {
            return await next(context);
        }

        var errors = result.Errors
            .GroupBy(failure => JsonPath.FromPropertyPath(failure.PropertyName))
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray());
        return Problems.ValidationProblem(errors);
    }
}

public static class Problems
{
    public static ValidationProblem ValidationProblem(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            detail: "Một hoặc nhiều trường không hợp lệ: " + string.Join(", ", errors.Keys) + ".",
            title: "Dữ liệu không hợp lệ",
            type: ProblemTypes.Validation);
}

public static class ValidationEndpointExtensions
{
    /// <summary>The request body is validated (400 naming the fields) before the handler runs.</summary>
    public static RouteHandlerBuilder Validates<TRequest>(this RouteHandlerBuilder builder) where TRequest : class =>
        builder.AddEndpointFilter<ValidationFilter<TRequest>>()
            .ProducesValidationProblem();
}
