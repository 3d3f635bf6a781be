using LearningWeek.EventSourcing.CloudEvents;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace LearningWeek.EventSourcing;

public static class IntegrationBusExtensions
{
    /// <summary>The connection name of the broker in every environment (AppHost resource name).</summary>
    public const string MessagingConnectionName = "messaging";

    /// <summary>
    /// MassTransit on RabbitMQ: the public contract's exchanges and CloudEvents (<see cref="ContractTopology"/>),
    /// durable kebab-case queues, retries with back-off (without end while the database is away),
    /// <c>_error</c> queues for poison messages, and <c>rabbitmq</c> (the broker answers) and <c>bus</c>
    /// (MassTransit's endpoints run) checks, Degraded rather than failing when the broker is gone. The bus is started
    /// before the host reports started, so nothing publishes into a bus that is not connected.
    /// </summary>
    public static IHostApplicationBuilder AddIntegrationBus(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configure = null)
    {
        var connectionString = RequiredConfiguration.ConnectionString(builder.Configuration, MessagingConnectionName);

        builder.Services.TryAddSingleton<Publishing.CampaignMetrics>();
        builder.Services.AddSingleton(services => new DeadLetters.ErrorQueues(
            connectionString, services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DeadLetters.ErrorQueues>>()));
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.ConfigureHealthCheckOptions(health =>
            {
                // MassTransit's view: are the bus and its consumers' endpoints running?
                health.Name = "bus";
                health.MinimalFailureStatus = HealthStatus.Degraded;
                health.Tags.Add(ServiceDefaultsExtensions.ReadyTag);
            });
            bus.AddConsumeObserver<Publishing.ConsumerFailureMetrics>();
            bus.AddReceiveEndpointObserver(services => services.GetRequiredService<DeadLetters.ErrorQueues>());
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString), host =>
                    host.ConnectionName($"{builder.Environment.ApplicationName}@{Environment.MachineName}"));
                rabbit.UseContractTopology();
                // A message that failed for a reason that can never pass (a bug, bad data) is
                // tried a few times more and then moved to its _error queue.
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Ignore<Exception>(TransientFailures.IsTransient);
                    retry.Exponential(retryLimit: 5, minInterval: TimeSpan.FromMilliseconds(100), maxInterval: TimeSpan.FromSeconds(10),
                        intervalDelta: TimeSpan.FromMilliseconds(200));
                });
                // One that failed because the database (or network) is away is retried with
                // back-off for as long as the outage lasts, held unacknowledged: never dead-lettered.
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Handle<Exception>(TransientFailures.IsTransient);
                    retry.Exponential(retryLimit: int.MaxValue, minInterval: TimeSpan.FromMilliseconds(200), maxInterval: TimeSpan.FromSeconds(15),
                        intervalDelta: TimeSpan.FromMilliseconds(500));
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        // The broker itself, reached with the service's own credentials.
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "rabbitmq", _ => new RabbitMqHealthCheck(connectionString), HealthStatus.Degraded, [ServiceDefaultsExtensions.ReadyTag]));
        // Failed messages waiting in an _error queue to be re-driven.
        builder.Services.AddHealthChecks().AddCheck<DeadLetters.ErrorQueues>("error-queues", HealthStatus.Degraded, [ServiceDefaultsExtensions.ReadyTag]);
        builder.Services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromSeconds(30);
            host.StopTimeout = TimeSpan.FromSeconds(15);
        });
        return builder;
    }
}
