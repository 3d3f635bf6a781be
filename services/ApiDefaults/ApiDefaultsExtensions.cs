using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.Idempotency;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Problems;
using LearningWeek.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LearningWeek.ApiDefaults;

/// <summary>The <c>Api</c> configuration section: limits every LearningWeek API applies.</summary>
public sealed class ApiLimits
{
    public const string Section = "Api";

    /// <summary>Largest request body accepted (413 above it). Reports and plans are small JSON.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>A request still running after this gets 504.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

public static class ApiDefaultsExtensions
{
    /// <summary>
    /// Token validation and role policies, ProblemDetails for every error, body and time limits,
    /// and idempotent creating POSTs; the OpenAPI document is added by the service itself.
    /// </summary>
    public static TBuilder AddApiDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var limits = builder.Configuration.GetSection(ApiLimits.Section).Get<ApiLimits>() ?? new ApiLimits();
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
        });
        builder.Services.AddRequestTimeouts(timeouts =>
        {
            timeouts.DefaultPolicy = new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutPolicy
            {
                Timeout = limits.RequestTimeout,
                TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
            };
        });
        // Behind the gateway or an ingress: the scheme and client address they saw.
        builder.TrustForwardedHeaders(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        builder.AddTokenValidation();
        builder.Services.AddLearningWeekProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        // A body that does not bind (bad JSON, wrong type, unknown field) reaches the exception
        // handler, which names the field; the default would be a bare 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(routing => routing.ThrowOnBadRequest = true);
        builder.Services.AddOptions<IdempotencyOptions>().BindConfiguration("Idempotency");
        return builder;
    }

    /// <summary>
    /// The middleware, in order: forwarded headers (a TLS-terminating proxy in front), errors, ids,
    /// headers, body limit, authentication, rate limits (when <paramref name="rateLimited"/>: after
    /// authentication, to count per client, and before authorization, so that requests refused
    /// for a bad token count against their address too), authorization, the text rules on path and
    /// query, timeouts, idempotency.
    /// </summary>
    public static WebApplication UseApiDefaults(this WebApplication app, bool rateLimited = false)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestIds>();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<RequestBodyLimit>();
        app.UseAuthentication();
        if (rateLimited)
        {
            app.UseRateLimiter();
        }

        app.UseAuthorization();
        app.UseMiddleware<Validation.QueryTextGuard>();
        app.UseRequestTimeouts();
        if (app.Services.GetService<IIdempotencyStore>() is not null)
        {
            app.UseMiddleware<IdempotencyMiddleware>();
        }

        return app;
    }
}
