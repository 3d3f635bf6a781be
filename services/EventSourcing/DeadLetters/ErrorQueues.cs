using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace LearningWeek.EventSourcing.DeadLetters;

/// <summary>A message that could not be consumed, as ops see it in an <c>_error</c> queue.</summary>
/// <param name="MessageId">The message id (for an integration event, the CloudEvent's id).</param>
/// <param name="Type">The CloudEvent's type, when the body is one.</param>
/// <param name="Reason">What the consumer said when it gave up (MassTransit's fault message).</param>
/// <param name="ExceptionType">The kind of failure.</param>
/// <param name="FailedAt">When it was moved to the error queue.</param>
public sealed record DeadLetter(string? MessageId, string? Type, string? Reason, string? ExceptionType, string? FailedAt);

/// <summary>One consumer queue of the service and what its <c>_error</c> queue holds.</summary>
public sealed record ErrorQueue(string Queue, string ErrorQueueName, long Messages, IReadOnlyList<DeadLetter> First);

/// <summary>What a re-drive moved back from an <c>_error</c> queue to its consumer queue.</summary>
public sealed record Redrive(string Queue, int Moved);

/// <summary>
/// The service's <c>_error</c> queues, on the broker with the service's own credentials: how many
/// messages each holds (the <c>error-queues</c> health check is Degraded while any holds one),
/// what they are, and re-driving them to their consumer queue once the cause is fixed. The
/// consumer queues are learnt from MassTransit as its receive endpoints start.
/// </summary>
public sealed partial class ErrorQueues(string connectionString, ILogger<ErrorQueues> logger) : IReceiveEndpointObserver, IHealthCheck, IAsyncDisposable
{
    private const string Suffix = "_error";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, byte> _queues = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private IConnection? _connection;

    /// <summary>The service's consumer queues, in name order.</summary>
    public IReadOnlyList<string> Queues => [.. _queues.Keys.Order(StringComparer.Ordinal)];

    public void Watch(string queue) => _queues.TryAdd(queue, 0);

    public async Task<IReadOnlyList<ErrorQueue>> ListAsync(int firstCount, CancellationToken cancellationToken)
    {
        var result = new List<ErrorQueue>();
        foreach (var queue in Queues)
        {
            await using var channel = await ChannelAsync(cancellationToken);
            var count = await CountAsync(channel, queue + Suffix, cancellationToken);
            var first = new List<DeadLetter>();
            // Read without acknowledging: closing the channel puts them all back, in order.
            for (var i = 0; i < Math.Min(count, firstCount); i++)
            {
                if (await channel.BasicGetAsync(queue + Suffix, autoAck: false, cancellationToken) is not { } message)
                {
                    break;
                }

                first.Add(Describe(message));
            }

            await channel.CloseAsync(cancellationToken);
            result.Add(new ErrorQueue(queue, queue + Suffix, count, first));
        }

        return result;
    }

    /// <summary>
    /// Moves every message of <paramref name="queue"/>'s error queue back to it, each confirmed by
    /// the broker before it is taken off the error queue (so a failure midway loses nothing; at
    /// worst a message is delivered twice, which the consumers' inboxes absorb).
    /// </summary>
    public async Task<Redrive?> RedriveAsync(string queue, CancellationToken cancellationToken)
    {
        if (!_queues.ContainsKey(queue))
        {
            return null;
        }

        var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        await using var channel = await (await ConnectionAsync(cancellationToken)).CreateChannelAsync(options, cancellationToken);
        var count = await CountAsync(channel, queue + Suffix, cancellationToken);
        var moved = 0;
        for (; moved < count; moved++)
        {
            if (await channel.BasicGetAsync(queue + Suffix, autoAck: false, cancellationToken) is not { } message)
            {
                break;
            }

            var properties = new BasicProperties(message.BasicProperties)
            {
                Headers = message.BasicProperties.Headers?
                    .Where(header => !header.Key.StartsWith("MT-Fault-", StringComparison.Ordinal) && header.Key != "MT-Reason")
                    .ToDictionary(header => header.Key, header => header.Value),
            };
            await channel.BasicPublishAsync("", queue, mandatory: true, properties, message.Body, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
        }

        LogRedriven(logger, moved, queue);
        return new Redrive(queue, moved);
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            var holding = new List<string>();
            foreach (var queue in Queues)
            {
                await using var channel = await ChannelAsync(timeout.Token);
                if (await CountAsync(channel, queue + Suffix, timeout.Token) is > 0 and var count)
                {
                    holding.Add($"{queue}{Suffix}: {count}");
                }
            }

            return holding.Count == 0
                ? HealthCheckResult.Healthy($"No failed messages ({_queues.Count} consumer queues).")
                : HealthCheckResult.Degraded($"Failed messages wait to be re-driven: {string.Join(", ", holding)}.");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The broker being away is the rabbitmq check's to report.
            return HealthCheckResult.Degraded("The error queues cannot be read (broker unreachable).");
        }
    }

    public Task Ready(ReceiveEndpointReady ready)
    {
        if (ready.InputAddress.AbsolutePath.Split('/')[^1] is { Length: > 0 } queue
            && !ready.InputAddress.Query.Contains("temporary=true", StringComparison.OrdinalIgnoreCase))
        {
            Watch(queue);
        }

        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.DisposeAsync();
        }

        _connecting.Dispose();
    }

    private static async Task<uint> CountAsync(IChannel channel, string errorQueue, CancellationToken cancellationToken)
    {
        try
        {
            return (await channel.QueueDeclarePassiveAsync(errorQueue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException error) when (error.ShutdownReason?.ReplyCode == 404)
        {
            return 0; // nothing ever failed there: MassTransit declares it on the first fault
        }
    }

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken) =>
        await (await ConnectionAsync(cancellationToken)).CreateChannelAsync(cancellationToken: cancellationToken);

    private async Task<IConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true } open)
        {
            return open;
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: true } opened)
            {
                return opened;
            }

            if (_connection is { } closed)
            {
                await closed.DisposeAsync();
            }

            var factory = new ConnectionFactory
            {
                Uri = new Uri(connectionString),
                RequestedConnectionTimeout = Timeout,
                AutomaticRecoveryEnabled = false,
                ClientProvidedName = "error-queues",
            };
            _connection = await factory.CreateConnectionAsync(cancellationToken);
            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    private static DeadLetter Describe(BasicGetResult message)
    {
        string? Header(string name) => message.BasicProperties.Headers?.TryGetValue(name, out var value) == true
            ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), null => null, _ => value.ToString() }
            : null;

        string? type = null;
        try
        {
            using var body = JsonDocument.Parse(message.Body);
            if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String)
            {
                type = t.GetString();
            }
        }
        catch (JsonException)
        {
            // not JSON: the reason says why it failed
        }

        return new DeadLetter(message.BasicProperties.MessageId, type, Header("MT-Fault-Message"), Header("MT-Fault-ExceptionType"), Header("MT-Fault-Timestamp"));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-drove {Count} failed messages from {Queue}_error back to {Queue}")]
    private static partial void LogRedriven(ILogger logger, int count, string queue);
}
