using System.Globalization;
using LearningWeek.ApiDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace LearningWeek.ApiDefaults.Http;

/// <summary>
/// A body that announces a length over the limit is refused at once with 413, before a byte of it
/// is read or forwarded (Kestrel would otherwise notice only while reading, after a proxy has
/// already started sending it on). Bodies without a length are still cut off by Kestrel's limit.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                    ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (limit is null || context.Request.ContentLength is not { } length || length <= limit)
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.Headers.Connection = "close";
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Type = ProblemTypes.BodyTooLarge,
                Title = ProblemTypes.ForStatus(StatusCodes.Status413PayloadTooLarge).Title,
                Detail = $"Nội dung yêu cầu ({Bytes(length)} byte) vượt giới hạn {Bytes(limit.Value)} byte.",
                Extensions = { [ProblemLanguage.EnglishDetailKey] = $"The request body ({length} bytes) is over the limit of {limit} bytes." },
            },
        }).AsTask();
    }

    private static string Bytes(long value) => value.ToString("#,0", CultureInfo.GetCultureInfo("vi-VN"));
}
