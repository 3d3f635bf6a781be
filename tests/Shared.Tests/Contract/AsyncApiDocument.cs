using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Xml.Linq;
using LearningWeek.Contracts;
using LearningWeek.EventSourcing.CloudEvents;

namespace LearningWeek.Shared.Tests.Contract;

/// <summary>
/// Writes the AsyncAPI 3 document of the public contract from the contract types themselves: one
/// channel (exchange) per integration event, its CloudEvent and its data's JSON Schema (from the
/// serializer the services use), the descriptions from the types' XML documentation, and the
/// rules every subscriber relies on. The committed <c>docs/asyncapi.json</c> must equal it.
/// </summary>
public static class AsyncApiDocument
{
    public const string Version = "1.0.0";

    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = IntegrationCloudEvents.DataOptions.Encoder };

    public static string Write() => Build().ToJsonString(Written) + "\n";

    public static JsonObject Build()
    {
        var docs = XmlDocs.Load(typeof(IIntegrationEvent).Assembly);
        var channels = new JsonObject();
        var operations = new JsonObject();
        var messages = new JsonObject();
        var schemas = new JsonObject { ["CloudEvent"] = CloudEventSchema() };
        foreach (var contract in ContractNames.All)
        {
            var key = char.ToLowerInvariant(contract.Name[0]) + contract.Name[1..];
            var type = ContractNames.TypeOf(contract);
            var summary = docs.Summary(contract);
            schemas[contract.Name] = DataSchema(contract, docs);
            schemas[contract.Name + "Event"] = new JsonObject
            {
                ["allOf"] = new JsonArray(
                    Ref("#/components/schemas/CloudEvent"),
                    new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["type"] = new JsonObject { ["const"] = type },
                            ["source"] = new JsonObject { ["const"] = ContractNames.SourceOf(contract) },
                            ["data"] = Ref($"#/components/schemas/{contract.Name}"),
                        },
                    }),
            };
            messages[key] = new JsonObject
            {
                ["name"] = type,
                ["title"] = contract.Name,
                ["summary"] = summary,
                ["contentType"] = IntegrationCloudEvents.MediaType,
                ["payload"] = Ref($"#/components/schemas/{contract.Name}Event"),
                ["correlationId"] = new JsonObject
                {
                    ["description"] = "The de-duplication key: the CloudEvent's id (also the AMQP message_id), the id of the stored event it was published from.",
                    ["location"] = "$message.payload#/id",
                },
                ["bindings"] = new JsonObject
                {
                    ["amqp"] = new JsonObject { ["contentEncoding"] = "utf-8", ["messageType"] = type, ["bindingVersion"] = "0.3.0" },
                },
            };
            channels[key] = new JsonObject
            {
                ["address"] = type,
                ["title"] = contract.Name,
                ["description"] = $"{summary} Published by {ContractNames.ServiceOf(contract)} on the durable fanout exchange `{type}`; "
                    + "bind a queue of your own to it. Events of one subject arrive in order.",
                ["messages"] = new JsonObject { [key] = Ref($"#/components/messages/{key}") },
                ["bindings"] = new JsonObject
                {
                    ["amqp"] = new JsonObject
                    {
                        ["is"] = "routingKey",
                        ["exchange"] = new JsonObject { ["name"] = type, ["type"] = "fanout", ["durable"] = true, ["autoDelete"] = false, ["vhost"] = "/" },
                        ["bindingVersion"] = "0.3.0",
                    },
                },
            };
            operations["receive" + contract.Name] = new JsonObject
            {
                ["action"] = "receive",
                ["channel"] = Ref($"#/channels/{key}"),
                ["summary"] = $"A city system receives {contract.Name} on a queue of its own.",
                ["messages"] = new JsonArray(Ref($"#/channels/{key}/messages/{key}")),
            };
        }

        return new JsonObject
        {
            ["asyncapi"] = "3.1.0",
            ["id"] = "urn:learningweek:integration-events",
            ["info"] = new JsonObject
            {
                ["title"] = "LearningWeek integration events",
                ["version"] = Version,
                ["description"] = Rules,
                ["license"] = new JsonObject { ["name"] = "Proprietary" },
                ["tags"] = new JsonArray(new JsonObject { ["name"] = "planning" }, new JsonObject { ["name"] = "reporting" }, new JsonObject { ["name"] = "library-fund" }),
            },
            ["defaultContentType"] = IntegrationCloudEvents.MediaType,
            ["servers"] = new JsonObject
            {
                ["local"] = new JsonObject
                {
                    ["host"] = "127.0.0.1:5672",
                    ["protocol"] = "amqp",
                    ["protocolVersion"] = "0-9-1",
                    ["description"] = "RabbitMQ of a local run (deploy/local/run.sh). Sign in with the account made by deploy/local/city-account.sh.",
                    ["security"] = new JsonArray(Ref("#/components/securitySchemes/cityAccount")),
                },
            },
            ["channels"] = channels,
            ["operations"] = operations,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["messages"] = messages,
                ["securitySchemes"] = new JsonObject
                {
                    ["cityAccount"] = new JsonObject
                    {
                        ["type"] = "userPassword",
                        ["description"] = "A broker account of the city system's own: it may declare, bind and read only queues named with its prefix, and may publish to no LearningWeek exchange.",
                    },
                },
            },
        };
    }

    private const string Rules = """
        The facts of a ward's Lifelong Learning Week, published by the Planning, ActivityReporting and LibraryFund services.

        **On the wire.** Every message is a CloudEvent 1.0 in structured JSON mode (`application/cloudevents+json`): `id` is the id of the stored event it comes from, `source` the publishing service (`urn:learningweek:planning`, `…:reporting`, `…:library-fund`), `type` the versioned contract name (also the exchange), `time` when the fact happened, `subject` what it is about, `wardcode` the ward, `sequence` the event's position in its service's store (a decimal integer, compare as a number), `data` the contract's JSON (camelCase; dates `yyyy-MM-dd`, instants ISO 8601 with offset, money in whole VND).

        **De-duplication.** Delivery is at least once: the same event may arrive twice (after a broker or service failure, or from the feed and the bus). De-duplicate by `id` (with `source`).

        **Ordering.** Events of one subject (one stream: a plan, a unit, a report, a pledge) are published in the order they happened. Events of different subjects may overtake each other, and nothing is ordered across services. `sequence` orders one service's events in its feed.

        **Versions.** Changes to a published type are additive only (a new optional field); ignore fields you do not know. A breaking change is a new type with the next version (`…plan-issued.v2`, its own exchange); during a transition both versions are published, each with its own `id`.

        **Catching up.** Each service's feed `GET /api/{planning|reporting|library-fund}/events?after={sequence}&limit={1..1000}` (through the gateway, with a bearer token of a city, ops or ward-officer client) lists the same CloudEvents, with the same ids, in `sequence` order: `items`, `next` (the `after` of the following page) and `more`. A ward officer reads its own ward's events only.
        """;

    private static JsonObject DataSchema(Type contract, XmlDocs docs)
    {
        var options = new JsonSerializerOptions(IntegrationCloudEvents.DataOptions)
        {
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict, // written as numbers; the services also read strings
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        var schema = (JsonObject)options.GetJsonSchemaAsNode(contract, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                if (node is not JsonObject obj)
                {
                    return node;
                }

                var description = context.PropertyInfo is { } property
                    ? docs.Parameter(property.DeclaringType, property.Name)
                    : context.Path.IsEmpty ? null : docs.Summary(context.TypeInfo.Type);
                if (description is not null && !obj.ContainsKey("description"))
                {
                    obj.Insert(0, "description", description);
                }

                return obj;
            },
        });
        schema.Insert(0, "title", contract.Name);
        schema.Insert(1, "description", docs.Summary(contract));
        return schema;
    }

    private static JsonObject CloudEventSchema() => new()
    {
        ["type"] = "object",
        ["description"] = "A CloudEvent 1.0, structured JSON mode, as LearningWeek writes it.",
        ["required"] = new JsonArray("specversion", "id", "source", "type", "time", "subject", "datacontenttype", "wardcode", "sequence", "data"),
        ["properties"] = new JsonObject
        {
            ["specversion"] = new JsonObject { ["const"] = "1.0" },
            ["id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["description"] = "The stored event's id: the de-duplication key (also the AMQP message_id)." },
            ["source"] = new JsonObject { ["type"] = "string", ["format"] = "uri", ["description"] = "The publishing service." },
            ["type"] = new JsonObject { ["type"] = "string", ["description"] = "The versioned contract name, also the exchange." },
            ["time"] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "When the fact happened (UTC)." },
            ["subject"] = new JsonObject { ["type"] = "string", ["description"] = "What the fact is about (plans/{id}, units/{code}, …): events of one subject come in order." },
            ["datacontenttype"] = new JsonObject { ["const"] = "application/json" },
            ["wardcode"] = new JsonObject { ["type"] = "string", ["description"] = "The ward the fact belongs to, e.g. HP-NAMTRIEU." },
            ["sequence"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]+$", ["description"] = "The event's position in its service's store and feed (a decimal integer)." },
            ["data"] = new JsonObject { ["type"] = "object" },
        },
    };

    private static JsonObject Ref(string target) => new() { ["$ref"] = target };

    /// <summary>The contract assembly's XML documentation: type summaries and record parameters.</summary>
    private sealed class XmlDocs(IReadOnlyDictionary<string, XElement> members)
    {
        public static XmlDocs Load(Assembly assembly)
        {
            var path = Path.ChangeExtension(assembly.Location, ".xml");
            var document = XDocument.Load(path);
            return new XmlDocs(document.Descendants("member").ToDictionary(member => (string)member.Attribute("name")!));
        }

        public string Summary(Type type) =>
            members.TryGetValue($"T:{type.FullName}", out var member) ? Text(member.Element("summary")) : type.Name;

        public string? Parameter(Type? type, string jsonName)
        {
            if (type is null || !members.TryGetValue($"T:{type.FullName}", out var member))
            {
                return null;
            }

            var parameter = member.Elements("param")
                .FirstOrDefault(p => string.Equals((string?)p.Attribute("name"), jsonName, StringComparison.OrdinalIgnoreCase));
            return parameter is null ? null : Text(parameter);
        }

        private static string Text(XElement? element) => element is null
            ? ""
            : string.Join(" ", string.Concat(element.Nodes().Select(node => node switch
            {
                XElement { Name.LocalName: "c" } code => code.Value,
                XElement { Name.LocalName: "see" } see => ((string?)see.Attribute("cref"))?.Split('.', ':')[^1] ?? see.Value,
                XElement nested => nested.Value,
                _ => node.ToString(),
            })).Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
    }
}
