using LearningWeek.Contracts;
using LearningWeek.EventSourcing.CloudEvents;
using RabbitMQ.Client;

namespace LearningWeek.Testing;

/// <summary>
/// Puts integration events on a virtual host as their service would (structured CloudEvents on
/// the contract's exchange, persistent, with publisher confirms), written against RabbitMQ alone,
/// for a test that runs the consuming service as its own process and so has no bus of its own.
/// </summary>
public sealed class OutsidePublisher : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly HashSet<string> _declared = [];

    private OutsidePublisher(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<OutsidePublisher> StartAsync(Uri broker)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "outside-publisher" };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        return new OutsidePublisher(connection, channel);
    }

    /// <summary>Publishes <paramref name="message"/> and returns once the broker has confirmed it.</summary>
    public async Task PublishAsync(IIntegrationEvent message)
    {
        var exchange = ContractNames.TypeOf(message.GetType());
        if (_declared.Add(exchange))
        {
            // As the services declare it: a city system's or a service's binding may come first.
            await _channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        }

        var properties = new BasicProperties
        {
            ContentType = IntegrationCloudEvents.ContentType.MediaType,
            MessageId = message.SourceEventId.ToString(),
            Persistent = true,
        };
        await _channel.BasicPublishAsync(exchange, routingKey: "", mandatory: false, properties, IntegrationCloudEvents.Encode(message));
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}
