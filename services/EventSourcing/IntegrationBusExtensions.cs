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
    /// MassTransit on RabbitMQ: durable kebab-case queues, retries with back-off, <c>_error</c>
    /// queues for poison messages, and <c>rabbitmq</c> (the broker answers) and <c>bus</c>
    /// (MassTransit's endpoints run) checks, Degraded rather than failing when the broker is gone. The bus is started
    /// before the host reports started, so nothing publishes into a bus that is not connected.
    /// </summary>
    public static IHostApplicationBuilder AddIntegrationBus(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configure = null)
    {
        var connectionString = RequiredConfiguration.ConnectionString(builder.Configuration, MessagingConnectionName);

        builder.Services.TryAddSingleton<Publishing.CampaignMetrics>();
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
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString), host =>
                    host.ConnectionName($"{builder.Environment.ApplicationName}@{Environment.MachineName}"));
                rabbit.UseMessageRetry(retry => retry.Exponential(
                    retryLimit: 5,
                    minInterval: TimeSpan.FromMilliseconds(100),
                    maxInterval: TimeSpan.FromSeconds(10),
                    intervalDelta: TimeSpan.FromMilliseconds(200)));
                rabbit.ConfigureEndpoints(context);
            });
        });
        // The broker itself, reached with the service's own credentials.
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "rabbitmq", _ => new RabbitMqHealthCheck(connectionString), HealthStatus.Degraded, [ServiceDefaultsExtensions.ReadyTag]));
        builder.Services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromSeconds(30);
            host.StopTimeout = TimeSpan.FromSeconds(15);
        });
        return builder;
    }
}
