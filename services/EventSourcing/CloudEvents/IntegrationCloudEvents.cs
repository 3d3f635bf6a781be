using System.Globalization;
using System.Net.Mime;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using LearningWeek.Contracts;

namespace LearningWeek.EventSourcing.CloudEvents;

/// <summary>
/// An integration event as city systems read it, on the bus and in the feeds alike: a CloudEvent
/// 1.0 in structured JSON. <c>id</c> is the stored event's id, <c>source</c> the publishing service,
/// <c>type</c> the versioned contract name (<see cref="ContractNames"/>), <c>time</c> when the fact
/// happened, <c>subject</c> what it is about; the extensions <c>wardcode</c> and <c>sequence</c> (the
/// position in the service's store, a decimal integer) let a subscriber filter and resume; <c>data</c>
/// is the contract's JSON (camelCase). No machine, process or library details.
/// </summary>
public static class IntegrationCloudEvents
{
    public const string MediaType = "application/cloudevents+json";

    public static readonly ContentType ContentType = new(MediaType);

    /// <summary>The ward the fact belongs to (extension attribute).</summary>
    public static readonly CloudEventAttribute WardCode = CloudEventAttribute.CreateExtension("wardcode", CloudEventAttributeType.String);

    /// <summary>The event's position in its service's store, as in the feed (extension attribute).</summary>
    public static readonly CloudEventAttribute Sequence = CloudEventAttribute.CreateExtension("sequence", CloudEventAttributeType.String);

    /// <summary>
    /// How <c>data</c> is written and read: the web defaults (camelCase, ISO dates), with
    /// Vietnamese letters as they are rather than escaped.
    /// </summary>
    public static readonly JsonSerializerOptions DataOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private static readonly CloudEventAttribute[] Extensions = [WardCode, Sequence];
    private static readonly JsonEventFormatter Formatter = new(DataOptions, default);

    public static CloudEvent From(IIntegrationEvent message)
    {
        var type = message.GetType();
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0, Extensions)
        {
            Id = message.SourceEventId.ToString(),
            Source = new Uri(ContractNames.SourceOf(type)),
            Type = ContractNames.TypeOf(type),
            Time = message.OccurredAt,
            Subject = message.Subject,
            DataContentType = "application/json",
            Data = JsonSerializer.SerializeToElement(message, type, DataOptions),
        };
        cloudEvent[WardCode] = message.WardCode;
        cloudEvent[Sequence] = message.SourceSequence.ToString(CultureInfo.InvariantCulture);
        return cloudEvent;
    }

    /// <summary>The structured-mode JSON of <paramref name="message"/>: the body on the bus.</summary>
    public static ReadOnlyMemory<byte> Encode(IIntegrationEvent message) => Formatter.EncodeStructuredModeMessage(From(message), out _);

    /// <summary>The same JSON as an element: an item of the feed.</summary>
    public static JsonElement ToJson(IIntegrationEvent message)
    {
        using var document = JsonDocument.Parse(Encode(message));
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Reads a structured CloudEvent of the contract. Throws <see cref="FormatException"/> for one
    /// that is not valid JSON, not a CloudEvent, or of a type this version does not know.
    /// </summary>
    public static (Type Contract, CloudEvent CloudEvent, JsonElement Data) Decode(ReadOnlyMemory<byte> body)
    {
        CloudEvent cloudEvent;
        try
        {
            cloudEvent = Formatter.DecodeStructuredModeMessage(body, ContentType, Extensions);
        }
        catch (Exception error) when (error is ArgumentException or JsonException or InvalidOperationException)
        {
            throw new FormatException($"Not a CloudEvent: {error.Message}", error);
        }

        var contract = ContractNames.Find(cloudEvent.Type ?? "")
            ?? throw new FormatException($"Unknown event type '{cloudEvent.Type}'.");
        if (cloudEvent.Data is not JsonElement { ValueKind: JsonValueKind.Object } data)
        {
            throw new FormatException($"The event {cloudEvent.Id} has no JSON object as its data.");
        }

        return (contract, cloudEvent, data);
    }
}
