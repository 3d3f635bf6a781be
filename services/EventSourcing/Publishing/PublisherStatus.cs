using JasperFx;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LearningWeek.EventSourcing.Publishing;

/// <summary>
/// How the publication of integration events is going, for the <c>integration-events</c> health
/// check and the dashboards. Its lag is read from the store itself: how many stored events the
/// publisher has not passed yet and how old the oldest of them is. Degraded when publishing fails
/// (the broker is down), when the publisher's subscription is paused or stopped, or when the
/// oldest unpublished event is older than <c>Publishing:StalledAfter</c> (30 s): stalled.
/// </summary>
public sealed class PublisherStatus(TimeProvider clock, IServiceProvider services, IConfiguration configuration) : IHealthCheck
{
    private readonly Lock _lock = new();
    private readonly TimeSpan _stalledAfter = configuration.GetValue("Publishing:StalledAfter", TimeSpan.FromSeconds(30));
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

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var published = await IntegrationEventPublisher.PublishedThroughAsync(store, cancellationToken);
        await using var session = store.QuerySession();
        var pending = session.Events.QueryAllRawEvents().Where(e => e.Sequence > published);
        var unpublished = await pending.CountAsync(cancellationToken);
        var oldest = unpublished == 0 ? (DateTimeOffset?)null
            : await pending.OrderBy(e => e.Sequence).Select(e => e.Timestamp).FirstAsync(cancellationToken);
        // Stored timestamps are the database's wall clock, whatever clock the service's decisions use.
        var age = oldest is { } at ? TimeProvider.System.GetUtcNow() - at : TimeSpan.Zero;
        var agent = Agent();

        var data = new Dictionary<string, object>
        {
            ["publishedThrough"] = published,
            ["unpublished"] = unpublished,
            ["oldestUnpublishedSeconds"] = Math.Round(Math.Max(0, age.TotalSeconds), 1),
            ["subscription"] = agent?.ToString() ?? "not running here",
        };
        lock (_lock)
        {
            if (_failingSince is { } since)
            {
                return HealthCheckResult.Degraded(
                    $"Publishing integration events has failed since {since:O} ({_lastError}); {unpublished} events are kept and will be published when the broker is back.",
                    data: data);
            }
        }

        if (agent is AgentStatus.Paused or AgentStatus.Stopped)
        {
            return HealthCheckResult.Degraded($"The publisher's subscription is {agent}; {unpublished} events wait.", data: data);
        }

        return unpublished > 0 && age > _stalledAfter
            ? HealthCheckResult.Degraded($"Publishing is stalled: {unpublished} events wait, the oldest for {age.TotalSeconds:0} s.", data: data)
            : HealthCheckResult.Healthy($"Published through event {published}; {unpublished} waiting.", data);
    }

    private AgentStatus? Agent()
    {
        var daemon = services.GetService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>()?.DaemonForMainDatabase();
        return daemon?.CurrentAgents()
            .FirstOrDefault(agent => agent.Name.Identity.StartsWith(IntegrationEventPublisher.SubscriptionName + ":", StringComparison.Ordinal))?
            .Status;
    }
}
