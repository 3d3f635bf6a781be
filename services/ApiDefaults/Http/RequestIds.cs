using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LearningWeek.ApiDefaults.Http;

/// <summary>
/// Every response carries <c>X-Request-Id</c>: the W3C trace id of the request, so a user's
/// complaint leads straight to its trace in the dashboard (the gateway and the services share it
/// through <c>traceparent</c>). A caller's own <c>X-Correlation-Id</c> (a safe token of up to 64
/// characters) is echoed, tagged on the trace and put in the log scope.
/// </summary>
public sealed partial class RequestIds(RequestDelegate next, ILogger<RequestIds> logger)
{
    public const string RequestIdHeader = "X-Request-Id";
    public const string CorrelationIdHeader = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        string? correlationId = context.Request.Headers[CorrelationIdHeader];
        if (correlationId is not null && !SafeToken().IsMatch(correlationId))
        {
            correlationId = null;
        }

        Activity.Current?.SetTag("request.id", requestId);
        if (correlationId is not null)
        {
            Activity.Current?.SetTag("correlation.id", correlationId);
        }

        context.Response.OnStarting(() =>
        {
            context.Response.Headers[RequestIdHeader] = requestId;
            if (correlationId is not null)
            {
                context.Response.Headers[CorrelationIdHeader] = correlationId;
            }

            return Task.CompletedTask;
        });

        using (logger.BeginScope(new Dictionary<string, object?> { ["RequestId"] = requestId, ["CorrelationId"] = correlationId }))
        {
            await next(context);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex SafeToken();
}
