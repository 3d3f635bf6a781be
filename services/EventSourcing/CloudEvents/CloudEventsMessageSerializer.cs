using System.Net.Mime;
using System.Runtime.Serialization;
using LearningWeek.Contracts;
using MassTransit;
using MassTransit.Serialization;

namespace LearningWeek.EventSourcing.CloudEvents;

/// <summary>
/// MassTransit reads and writes the contract's events as structured CloudEvents
/// (<c>application/cloudevents+json</c>), so that the services and city systems read the same
/// bytes and nothing of MassTransit's envelope (host, process, library) goes on the wire. Other
/// messages (MassTransit's own faults) keep its default serializer.
/// </summary>
public sealed class CloudEventsMessageSerializer : IMessageSerializer, IMessageDeserializer
{
    public static readonly CloudEventsMessageSerializer Instance = new();

    public ContentType ContentType => IntegrationCloudEvents.ContentType;

    public void Probe(ProbeContext context) => context.CreateScope("cloudevents").Add("contentType", ContentType.MediaType);

    public MessageBody GetMessageBody<T>(SendContext<T> context) where T : class =>
        context.Message is IIntegrationEvent message
            ? new BytesMessageBody(IntegrationCloudEvents.Encode(message).ToArray())
            : throw new SerializationException($"{typeof(T).Name} is not an integration event of the contract.");

    public ConsumeContext Deserialize(ReceiveContext receiveContext) =>
        new BodyConsumeContext(receiveContext, Deserialize(receiveContext.Body, receiveContext.TransportHeaders, receiveContext.InputAddress));

    public SerializerContext Deserialize(MessageBody body, Headers headers, Uri? destinationAddress = null)
    {
        try
        {
            var (contract, _, data) = IntegrationCloudEvents.Decode(body.GetBytes());
            return new SystemTextJsonRawSerializerContext(
                SystemTextJsonMessageSerializer.Instance, IntegrationCloudEvents.DataOptions, ContentType,
                new RawMessageContext(headers, destinationAddress, RawSerializerOptions.CopyHeaders),
                [MessageUrn.ForTypeString(contract)], RawSerializerOptions.CopyHeaders, data);
        }
        catch (FormatException error)
        {
            // Can never succeed: MassTransit moves it to the _error queue at once.
            throw new SerializationException($"Not an event of the LearningWeek contract: {error.Message}", error);
        }
    }

    public MessageBody GetMessageBody(string text) => new StringMessageBody(text);
}

/// <summary>Registers <see cref="CloudEventsMessageSerializer"/> with the bus.</summary>
public sealed class CloudEventsSerializerFactory : ISerializerFactory
{
    public ContentType ContentType => IntegrationCloudEvents.ContentType;

    public IMessageSerializer CreateSerializer() => CloudEventsMessageSerializer.Instance;

    public IMessageDeserializer CreateDeserializer() => CloudEventsMessageSerializer.Instance;
}
