using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LearningWeek.EventSourcing.Publishing;

/// <summary>
/// How the publication of integration events is going, for the health check and the dashboards:
/// the last sequence published, and whether publishing is failing (the broker is down) since when.
/// </summary>
public sealed class PublisherStatus(TimeProvider clock) : IHealthCheck
{
    private readonly Lock _lock = new();
    private long _publishedThrough;
    private long _published;
    private DateTimeOffset? _failingSince;
    private string? _lastError;

    public long PublishedThrough => Interlocked.Read(ref _publishedThrough);

    public long PublishedCount => Interlocked.Read(ref _published);

    public void Published(long throughSequence, int count)
    {
        Interlocked.Add(ref _published, count);
        lock (_lock)
        {
            _publishedThrough = Math.Max(_publishedThrough, throughSequence);
        }
    }

    public void Failing(Exception error)
    {
        lock (_lock)
        {
            _failingSince ??= clock.GetUtcNow();
            _lastError = error.GetType().Name;
        }
    }

    public void Succeeding()
    {
        lock (_lock)
        {
            _failingSince = null;
            _lastError = null;
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_failingSince is { } since
                ? HealthCheckResult.Degraded(
                    $"Publishing integration events has failed since {since:O} ({_lastError}); events are kept and will be published when the broker is back.")
                : HealthCheckResult.Healthy($"Published through event {_publishedThrough}."));
        }
    }
}
