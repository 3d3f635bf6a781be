using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using LearningWeek.Contracts;
using LearningWeek.EventSourcing.CloudEvents;
using LearningWeek.Testing;

namespace LearningWeek.Shared.Tests.Contract;

/// <summary>
/// The AsyncAPI document city systems build against says what the services really send: it is
/// generated from the contract types, the committed copy must be that, and every event as the
/// services encode it validates against the document's schema for it.
/// </summary>
public sealed class ContractDocumentTests
{
    private static readonly string DocumentPath = Path.Combine(RepositoryRoot.Path, "docs", "asyncapi.json");

    [Fact]
    public void The_committed_AsyncAPI_document_is_the_one_the_contract_types_give()
    {
        var expected = AsyncApiDocument.Write();
        if (Environment.GetEnvironmentVariable("LEARNINGWEEK_WRITE_ASYNCAPI") == "1")
        {
            File.WriteAllText(DocumentPath, expected);
        }

        Assert.True(File.Exists(DocumentPath), "docs/asyncapi.json is missing: run the tests once with LEARNINGWEEK_WRITE_ASYNCAPI=1");
        Assert.True(expected == File.ReadAllText(DocumentPath),
            "docs/asyncapi.json differs from the contract types: after a (compatible) change run "
            + "`LEARNINGWEEK_WRITE_ASYNCAPI=1 dotnet test tests/Shared.Tests --filter ContractDocument` and commit the document.");
    }

    [Fact]
    public void Every_integration_event_has_its_channel_named_as_its_type_and_exchange()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(DocumentPath));
        var channels = document.RootElement.GetProperty("channels").EnumerateObject()
            .ToDictionary(channel => channel.Value.GetProperty("address").GetString()!, channel => channel.Value);

        Assert.Equal(ContractNames.All.Select(ContractNames.TypeOf).Order(), channels.Keys.Order());
        Assert.All(channels, channel =>
            Assert.Equal(channel.Key, channel.Value.GetProperty("bindings").GetProperty("amqp").GetProperty("exchange").GetProperty("name").GetString()));
        Assert.Equal(20, channels.Count);
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void An_event_as_the_services_encode_it_validates_against_the_documented_schema(string contractName)
    {
        var contract = ContractNames.All.Single(type => type.Name == contractName);
        var schema = SchemaFor(contract);

        foreach (var withNulls in new[] { false, true })
        {
            var message = (IIntegrationEvent)Samples.Of(contract, withNulls);
            var cloudEvent = JsonDocument.Parse(IntegrationCloudEvents.Encode(message)).RootElement;

            var result = schema.Evaluate(cloudEvent, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{contract.Name} ({(withNulls ? "optional fields empty" : "all fields")}): "
                + string.Join("; ", (result.Details ?? []).Where(detail => detail.Errors is { Count: > 0 })
                    .Select(detail => $"{detail.InstanceLocation}: {string.Join(", ", detail.Errors!.Values)}")));
        }
    }

    [Fact]
    public void A_schema_from_the_document_refuses_an_event_that_breaks_it()
    {
        var schema = SchemaFor(typeof(Contracts.Planning.UnitRegistered));
        var cloudEvent = JsonNode.Parse(IntegrationCloudEvents.Encode((IIntegrationEvent)Samples.Of(typeof(Contracts.Planning.UnitRegistered), false)).Span)!;
        cloudEvent["data"]!.AsObject().Remove("unitCode");

        Assert.False(schema.Evaluate(JsonSerializer.SerializeToElement(cloudEvent)).IsValid);
    }

    public static TheoryData<string> Contracts() => [.. ContractNames.All.Select(type => type.Name)];

    /// <summary>The document's schema for one event, with its references resolved inside it.</summary>
    private static JsonSchema SchemaFor(Type contract)
    {
        var document = JsonNode.Parse(File.ReadAllText(DocumentPath))!;
        var definitions = document["components"]!["schemas"]!.DeepClone().ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var schema = $$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","$defs":{{definitions}},"$ref":"#/$defs/{{contract.Name}}Event"}""";
        return JsonSchema.FromText(schema, baseUri: new Uri($"urn:learningweek:test:{contract.Name}:{Guid.NewGuid():N}"));
    }
}
