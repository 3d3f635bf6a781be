using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LearningWeek.EventSourcing.Publishing;

public static class PublishingExtensions
{
    /// <summary>
    /// Publishes the service's integration events (mapped by <typeparamref name="TMapper"/>) from
    /// its event store, with the async daemon in hot/cold mode: one replica publishes at a time and
    /// another takes over if it dies. New events wake the daemon at once (LISTEN/NOTIFY), so an
    /// event is on the broker within milliseconds of its append.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression PublishIntegrationEvents<TMapper>(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
        where TMapper : class, IIntegrationEventMapper
    {
        marten.Services.TryAddSingleton(TimeProvider.System);
        marten.Services.AddSingleton<IIntegrationEventMapper, TMapper>();
        marten.Services.AddSingleton<PublisherStatus>();
        marten.Services.TryAddSingleton<CampaignMetrics>();
        marten.Services.AddHostedService<DaemonWakeupRelease>();
        marten.Services.AddHealthChecks().AddCheck<PublisherStatus>(
            "integration-events", tags: [ServiceDefaultsExtensions.ReadyTag]);
        marten.Services.ConfigureMarten(options =>
        {
            options.Events.UseListenNotifyForEventAppends = true;
            options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(100);
            options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(500);
        });
        return marten
            .AddSubscriptionWithServices<IntegrationEventPublisher>(ServiceLifetime.Singleton)
            .AddAsyncDaemon(DaemonMode.HotCold);
    }
}
