using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LearningWeek.ServiceDefaults;

/// <summary>
/// <c>/health</c> is anonymous, and its checks open a broker connection and query the database:
/// each report is kept for <see cref="Lifetime"/>, and callers that arrive while one is being made
/// share it, so a flood of probes costs one round of checks every two seconds.
/// Time here is the machine's, not the application's clock: a test that holds its clock still
/// must not freeze the reports.
/// </summary>
internal sealed class CachedHealthCheckService(HealthCheckService inner) : HealthCheckService
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly Dictionary<Func<HealthCheckRegistration, bool>, (Task<HealthReport> Report, long MadeAt)> _reports = [];
    private static readonly Func<HealthCheckRegistration, bool> All = _ => true;

    public override Task<HealthReport> CheckHealthAsync(Func<HealthCheckRegistration, bool>? predicate, CancellationToken cancellationToken = default)
    {
        // Each endpoint passes its own predicate instance, the same on every request: one report per endpoint.
        var key = predicate ?? All;
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (_reports.TryGetValue(key, out var kept) && (!kept.Report.IsCompleted || Stopwatch.GetElapsedTime(kept.MadeAt, now) < Lifetime))
            {
                return kept.Report.WaitAsync(cancellationToken);
            }

            // Not cancelled with the first caller: the others wait for the same report. Each check has its own timeout.
            var report = inner.CheckHealthAsync(predicate, CancellationToken.None);
            _reports[key] = (report, now);
            return report.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Puts the cache in front of the health check service that <c>AddHealthChecks()</c> registered.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var original = services.Last(descriptor => descriptor.ServiceType == typeof(HealthCheckService));
        if (original.ImplementationType is not { } implementation)
        {
            return; // already decorated
        }

        services.Remove(original);
        services.AddSingleton<HealthCheckService>(provider => new CachedHealthCheckService(
            (HealthCheckService)ActivatorUtilities.CreateInstance(provider, implementation)));
    }
}
