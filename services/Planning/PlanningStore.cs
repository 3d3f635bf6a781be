using LearningWeek.EventSourcing;
using LearningWeek.EventSourcing.Publishing;
using LearningWeek.Planning.IntegrationEvents;
using LearningWeek.Planning.Plans;
using LearningWeek.Planning.UnitPlans;
using LearningWeek.Planning.Units;
using Marten.Events.Projections;
using JasperFx.Events.Projections;

namespace LearningWeek.Planning;

public static class PlanningStore
{
    /// <summary>
    /// Planning's event store (planningdb, schema planning): units, plans and units' plans as
    /// streams, each with an inline snapshot that the API reads at once; its public events
    /// published from the store.
    /// </summary>
    public static IHostApplicationBuilder AddPlanningStore(this IHostApplicationBuilder builder)
    {
        builder.AddEventStore("planningdb", schemaName: "planning", options =>
            {
                options.Events.AddEventTypes([
                    typeof(UnitRegistered), typeof(UnitRenamed), typeof(UnitDeactivated),
                    typeof(PlanDrafted), typeof(PlanDraftRevised), typeof(ActivityLineAdded), typeof(ActivityLineRemoved),
                    typeof(ResponsibilityAssigned), typeof(PlanIssued), typeof(PlanAmended), typeof(PlanClosed),
                    typeof(UnitPlanSubmitted),
                ]);
                options.Projections.Snapshot<Unit>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<Plan>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<UnitPlan>(SnapshotLifecycle.Inline);
                options.Schema.For<Unit>().Index(unit => unit.Code).Index(unit => unit.WardCode);
                options.Schema.For<Plan>().Index(plan => plan.WardCode).Index(plan => plan.DraftedAt);
                options.Schema.For<UnitPlan>().Index(plan => plan.PlanId);
            })
            .PublishIntegrationEvents<PlanningEventMapper>();
        return builder;
    }
}
