using System.Data.Common;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using LearningWeek.ApiDefaults.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace LearningWeek.ApiDefaults.Problems;

/// <summary>
/// Turns an exception no handler caught into a ProblemDetails: the client's own mistakes (a body
/// over the limit, malformed JSON, a value the database cannot store) keep their 4xx; a database or network that is down is 503
/// with Retry-After (the request can be repeated); anything else is 500. The exception is logged,
/// never written to the response.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    // Minimal APIs: 'Failed to bind parameter "int limit" from "x".', 'Required parameter "Guid id" was not provided …'.
    [GeneratedRegex("parameter \"[^\" ]+ (?<name>[A-Za-z0-9_]+)\"")]
    private static partial Regex ParameterName();

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException { InnerException: JsonException json } && !context.Response.HasStarted)
        {
            // Malformed JSON or a value of the wrong type: say which field, as the client wrote it.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    [JsonPath.FromJsonExceptionPath(json.Path)] = [JsonMessage(json)],
                })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Type = ProblemTypes.MalformedRequest,
                    Title = "Nội dung JSON không hợp lệ",
                    Detail = $"Nội dung yêu cầu không phải JSON hợp lệ cho thao tác này tại '{JsonPath.FromJsonExceptionPath(json.Path)}'.",
                    Extensions = { [ProblemLanguage.EnglishDetailKey] = $"The request body is not valid JSON for this operation at '{JsonPath.FromJsonExceptionPath(json.Path)}'." },
                },
            });
        }

        if (exception is BadHttpRequestException { StatusCode: 400 } binding && !context.Response.HasStarted
            && ParameterName().Match(binding.Message) is { Success: true } parameter)
        {
            // A route or query value that does not bind: name the parameter.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    [parameter.Groups["name"].Value] = ["Giá trị không hợp lệ hoặc còn thiếu."],
                })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Type = ProblemTypes.Validation,
                    Title = "Dữ liệu không hợp lệ",
                    Detail = $"Tham số '{parameter.Groups["name"].Value}' còn thiếu hoặc không hợp lệ.",
                    Extensions = { [ProblemLanguage.EnglishDetailKey] = $"The parameter '{parameter.Groups["name"].Value}' is missing or not valid." },
                },
            });
        }

        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            _ when IsBadData(exception) => StatusCodes.Status400BadRequest,
            _ when IsUnavailable(exception) => StatusCodes.Status503ServiceUnavailable,
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => 499,
            _ => StatusCodes.Status500InternalServerError,
        };

        if (status >= 500 || status == StatusCodes.Status400BadRequest)
        {
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
        }

        if (status == 499 || context.Response.HasStarted)
        {
            return true; // the client has gone, or the response is under way: nothing more to say
        }

        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = status == StatusCodes.Status400BadRequest
                ? new ProblemDetails
                {
                    Status = status,
                    Type = ProblemTypes.MalformedRequest,
                    Title = "Dữ liệu không hợp lệ",
                    Detail = "Yêu cầu chứa giá trị không thể lưu (ví dụ ký tự NUL hoặc số vượt giới hạn).",
                }
                : new ProblemDetails { Status = status },
            Exception = exception,
        });
    }

    /// <summary>What the client needs to fix, without echoing internals (type names of the server).</summary>
    private static string JsonMessage(JsonException json) =>
        json.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "Trường không được hỗ trợ."
        : json.Message.Contains("could not be converted", StringComparison.Ordinal) ? "Sai kiểu dữ liệu."
        : json.Message.Contains("missing required properties", StringComparison.Ordinal) ? "Thiếu trường bắt buộc."
        : "JSON không hợp lệ.";

    /// <summary>
    /// A database, broker or network that cannot be reached, or a server that is shutting down or
    /// out of resources: the same request may succeed later. An error the database raised about
    /// the request itself (a value it cannot store, SQLSTATE class 22) is not an outage.
    /// </summary>
    private static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case DbException { SqlState: { Length: 5 } state }:
                    return state[..2] is "08" or "53" or "57" or "58" || current is DbException { IsTransient: true };
                case DbException or SocketException or TimeoutException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The database refused a value of the request (an invalid byte such as NUL, a number out of range).</summary>
    private static bool IsBadData(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { SqlState: { } state } && state.StartsWith("22", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
