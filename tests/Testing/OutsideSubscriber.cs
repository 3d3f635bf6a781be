using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using LearningWeek.Contracts;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace LearningWeek.Testing;

/// <summary>
/// A message as an outside subscriber receives it: the CloudEvent's id and type, its data (the
/// contract's JSON), the whole CloudEvent, and the AMQP headers it came with.
/// </summary>
public sealed record ReceivedMessage(string MessageId, string MessageType, JsonElement Message, JsonElement CloudEvent, IReadOnlyDictionary<string, object?> Headers)
{
    /// <summary>When it arrived (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>), for delivery latencies.</summary>
    public long ReceivedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();
}

/// <summary>
/// A city system's subscriber, written against RabbitMQ alone (no MassTransit): its own queue
/// bound to the exchanges of the public contracts it follows (named as their CloudEvents type,
/// <c>learningweek.planning.plan-issued.v1</c>), collecting the CloudEvents that arrive.
/// </summary>
public sealed class OutsideSubscriber : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private OutsideSubscriber(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public ConcurrentQueue<ReceivedMessage> Received { get; } = new();

    public static Task<OutsideSubscriber> StartAsync(Uri broker, params Type[] contracts) =>
        StartAsync(broker, [.. contracts.Select(ContractNames.TypeOf)]);

    public static async Task<OutsideSubscriber> StartAsync(Uri broker, params string[] exchanges)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "outside-subscriber" };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var exchange in exchanges)
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(queue, exchange, routingKey: "");
        }

        var subscriber = new OutsideSubscriber(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var body = JsonDocument.Parse(delivery.Body);
            var cloudEvent = body.RootElement.Clone();
            subscriber.Received.Enqueue(new ReceivedMessage(
                cloudEvent.GetProperty("id").GetString()!,
                cloudEvent.GetProperty("type").GetString()!,
                cloudEvent.GetProperty("data"),
                cloudEvent,
                (delivery.BasicProperties.Headers ?? new Dictionary<string, object?>()).ToDictionary(
                    header => header.Key, header => header.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : header.Value)));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return subscriber;
    }

    /// <summary>
    /// Waits until <paramref name="until"/> holds for what was received, de-duplicated by
    /// MessageId as a subscriber must (delivery is at least once); fails when the timeout passes first.
    /// </summary>
    public Task<IReadOnlyList<ReceivedMessage>> WaitFor(
        Func<IReadOnlyList<ReceivedMessage>, bool> until,
        TimeSpan? timeout = null,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(until))] string condition = "") =>
        Eventually.Get(() => Task.FromResult<IReadOnlyList<ReceivedMessage>>([.. Received.DistinctBy(message => message.MessageId)]), until, timeout, condition);

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}
