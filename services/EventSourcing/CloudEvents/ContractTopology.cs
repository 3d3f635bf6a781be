using LearningWeek.Contracts;
using MassTransit;

namespace LearningWeek.EventSourcing.CloudEvents;

/// <summary>
/// The public contract on RabbitMQ: each integration event has a durable fanout exchange named
/// as its CloudEvents type (<c>learningweek.planning.plan-issued.v1</c>), declared when the service
/// starts so that a city system can bind before the first event; its messages are CloudEvents.
/// The shared interface gets no exchange of its own.
/// </summary>
public static class ContractTopology
{
    public static void UseContractTopology(this IRabbitMqBusFactoryConfigurator rabbit)
    {
        rabbit.MessageTopology.SetEntityNameFormatter(new ContractEntityNameFormatter(rabbit.MessageTopology.EntityNameFormatter));
        rabbit.AddSerializer(new CloudEventsSerializerFactory(), isSerializer: false);
        rabbit.AddDeserializer(new CloudEventsSerializerFactory());
        rabbit.Publish<IIntegrationEvent>(publish => publish.Exclude = true);
        rabbit.DeployPublishTopology = true;
        foreach (var contract in ContractNames.All)
        {
            typeof(ContractTopology).GetMethod(nameof(Declare), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(contract)
                .Invoke(null, [rabbit]);
        }
    }

    private static void Declare<T>(IRabbitMqBusFactoryConfigurator rabbit) where T : class, IIntegrationEvent
    {
        rabbit.Publish<T>(publish => publish.Durable = true);
        rabbit.Send<T>(send => send.UseSerializer(IntegrationCloudEvents.ContentType));
    }

    private sealed class ContractEntityNameFormatter(IEntityNameFormatter fallback) : IEntityNameFormatter
    {
        public string FormatEntityName<T>() =>
            typeof(IIntegrationEvent).IsAssignableFrom(typeof(T)) && typeof(T).IsClass
                ? ContractNames.TypeOf(typeof(T))
                : fallback.FormatEntityName<T>();
    }
}
