using System.Globalization;
using System.Threading.RateLimiting;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace LearningWeek.Gateway;

/// <summary>The <c>RateLimiting</c> configuration section.</summary>
public sealed class RateLimitSettings
{
    /// <summary>Requests a client may burst (token bucket size).</summary>
    public int BurstPerClient { get; set; } = 200;

    /// <summary>Requests per second a client may sustain.</summary>
    public int RequestsPerSecondPerClient { get; set; } = 100;

    /// <summary>Token requests per minute from one address (guards client secrets against guessing).</summary>
    public int TokenRequestsPerMinute { get; set; } = 60;
}

/// <summary>
/// Rate limits per client: a token bucket per authenticated client id (per address for anonymous
/// callers) on every proxied route, the same bucket on the
/// gateway's own endpoints (health, documentation, discovery, access), and a tighter window on the
/// token endpoint. A rejected request gets 429 with <c>Retry-After</c> and a ProblemDetails.
/// </summary>
public static class RateLimits
{
    public const string PerClient = "per-client";
    public const string TokenEndpoint = "token-endpoint";

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimiting").Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            TokenBucketRateLimiterOptions Bucket(string _) => new()
            {
                TokenLimit = settings.BurstPerClient,
                TokensPerPeriod = settings.RequestsPerSecondPerClient,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            };
            limiter.AddPolicy(PerClient, context => RateLimitPartition.GetTokenBucketLimiter(PartitionKey(context), Bucket));
            // Endpoints without a policy of their own (/health, /alive, /docs, /.well-known/*, the access API).
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is null
                    ? RateLimitPartition.GetTokenBucketLimiter("own:" + PartitionKey(context), Bucket)
                    : RateLimitPartition.GetNoLimiter("policy"));
            limiter.AddPolicy(TokenEndpoint, context => RateLimitPartition.GetFixedWindowLimiter(
                "token:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.TokenRequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Type = ProblemTypes.RateLimited,
                        Title = ProblemTypes.ForStatus(StatusCodes.Status429TooManyRequests).Title,
                        Detail = $"Máy khách này đã gửi quá nhiều yêu cầu; hãy thử lại sau {seconds} giây.",
                        Extensions = { [ProblemLanguage.EnglishDetailKey] = $"Too many requests from this client; retry after {seconds} s." },
                    },
                });
            };
        });
        return services;
    }

    private static string PartitionKey(HttpContext context)
    {
        var clientId = context.User.Identity?.IsAuthenticated == true ? context.User.Caller().Actor : null;
        return string.IsNullOrEmpty(clientId)
            ? "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown")
            : "client:" + clientId;
    }
}
