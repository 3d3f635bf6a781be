using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace LearningWeek.EventSourcing;

/// <summary>
/// Can the service reach its broker with its own credentials right now? Opens (and closes) an
/// AMQP connection on each check. A broker that is down makes the service Degraded, not
/// unready: requests are still taken and their events kept, to be published when it is back.
/// </summary>
internal sealed class RabbitMqHealthCheck(string connectionString) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(connectionString),
            RequestedConnectionTimeout = Timeout,
            AutomaticRecoveryEnabled = false,
            ClientProvidedName = "health-check",
        };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            await using var connection = await factory.CreateConnectionAsync(timeout.Token);
            await connection.CloseAsync(timeout.Token);
            return HealthCheckResult.Healthy("Connected");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus,
                "The broker cannot be reached; events are kept and published when it is back.");
        }
    }
}
