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
    /// another takes over if it dies. A commit with new events wakes the daemon at once (see
    /// <see cref="AppendWakeup"/>: in this process directly, in another replica by one shared
    /// NOTIFY per 20 ms), so an event is on the broker within milliseconds of its append.
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
        marten.Services.AddSingleton<AppendWakeup>();
        marten.Services.AddSingleton<AppendNotifier>();
        marten.Services.AddHostedService(services => services.GetRequiredService<AppendNotifier>());
        marten.Services.AddHealthChecks().AddCheck<PublisherStatus>(
            "integration-events", tags: [ServiceDefaultsExtensions.ReadyTag]);
        marten.Services.ConfigureMarten((services, options) =>
        {
            // Not a NOTIFY in every appending transaction: those commits would wait for each other.
            options.Events.UseListenNotifyForEventAppends = false;
            options.Projections.Wakeup = services.GetRequiredService<AppendWakeup>();
            options.Listeners.Add(new AppendedEventsListener(services.GetRequiredService<AppendWakeup>(), services.GetRequiredService<AppendNotifier>()));
            options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(100);
            options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(500);
        });
        return marten
            .AddSubscriptionWithServices<IntegrationEventPublisher>(ServiceLifetime.Singleton)
            .AddAsyncDaemon(DaemonMode.HotCold);
    }
}
