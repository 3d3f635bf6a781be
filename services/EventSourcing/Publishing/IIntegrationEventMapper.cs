using JasperFx.Events;
using LearningWeek.Contracts;

namespace LearningWeek.EventSourcing.Publishing;

/// <summary>
/// Each service says which of its stored domain events are public facts, and how they read as
/// integration events (LearningWeek.Contracts). Domain events it returns null for stay private.
/// </summary>
public interface IIntegrationEventMapper
{
    IIntegrationEvent? Map(IEvent stored);
}
