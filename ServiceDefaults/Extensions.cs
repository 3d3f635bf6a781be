using LearningWeek.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>The defaults every LearningWeek process starts with (the Aspire ServiceDefaults pattern).</summary>
public static class ServiceDefaultsExtensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";

    /// <summary>Tag of checks that must pass before the process takes traffic (database, broker, daemon).</summary>
    public const string ReadyTag = "ready";

    /// <summary>Tag of checks that say only that the process itself is responsive.</summary>
    public const string LiveTag = "live";

    /// <summary>How long one export to the telemetry collector may take, unless configured (<c>OTEL_EXPORTER_OTLP_TIMEOUT</c>).</summary>
    private const string OtlpExportTimeoutMilliseconds = "3000";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        LocalDevelopmentSecrets.RefuseInProduction(builder.Configuration, builder.Environment);

        builder.ConfigureOpenTelemetry();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        CachedHealthCheckService.Decorate(builder.Services);
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(TelemetrySources.All))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(TelemetrySources.All)
                .AddAspNetCoreInstrumentation(aspnet =>
                    // Probes every few seconds would bury the traces people look for.
                    aspnet.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthPath)
                        && !context.Request.Path.StartsWithSegments(AlivePath))
                .AddHttpClientInstrumentation()
                .AddNpgsql());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // The exporter retries a batch until this timeout (10 s by default), and a stopping
            // process flushes each signal: a collector that is gone (a dashboard stopped first)
            // would hold every shutdown for twenty seconds or more.
            builder.Configuration["OTEL_EXPORTER_OTLP_TIMEOUT"] ??= OtlpExportTimeoutMilliseconds;
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// <c>/health</c>: every check (ready to take traffic: database, broker, …) as JSON;
    /// <c>/alive</c>: the process answers. Both are served in every environment: the orchestrator
    /// and Kubernetes probe them, and the gateway publishes each service's <c>/health</c>. A report
    /// is made at most once every two seconds (<see cref="CachedHealthCheckService"/>).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync })
            .AllowAnonymous()
            .DisableHttpMetrics();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous().DisableHttpMetrics();
        return app;
    }
}
