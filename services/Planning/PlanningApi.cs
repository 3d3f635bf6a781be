using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.OpenApi;
using LearningWeek.EventSourcing.DeadLetters;
using LearningWeek.EventSourcing.Publishing;
using LearningWeek.Planning.Plans;
using LearningWeek.Planning.UnitPlans;
using LearningWeek.Planning.Units;

namespace LearningWeek.Planning;

/// <summary>The HTTP API of the Planning service, under <c>/api/planning</c> (the same path through the gateway).</summary>
public static class PlanningApi
{
    public const string Prefix = "/api/planning";

    public static IServiceCollection AddPlanningOpenApi(this IServiceCollection services) =>
        services.AddLearningWeekOpenApi(
            "LearningWeek Planning API",
            "Kế hoạch Tuần lễ hưởng ứng học tập suốt đời: đơn vị, kế hoạch của phường, kế hoạch của đơn vị.");

    public static IEndpointRouteBuilder MapPlanningApi(this IEndpointRouteBuilder app)
    {
        app.MapLearningWeekOpenApi(Prefix);
        var api = app.MapGroup(Prefix);
        api.MapWhoAmI().WithTags("Identity");
        api.MapEventFeed().WithTags("Events");
        api.MapDeadLetters().WithTags("Operations");

        var units = api.MapGroup("/units").WithTags("Units");
        RegisterUnit.Map(units);
        RegisterUnits.Map(units);
        ChangeUnit.Map(units);
        ReadUnits.Map(units);

        var plans = api.MapGroup("/plans").WithTags("Plans");
        DraftPlan.Map(plans);
        ActivityLines.Map(plans);
        Responsibilities.Map(plans);
        IssuePlan.Map(plans);
        AmendPlan.Map(plans);
        ClosePlan.Map(plans);
        ReadPlans.Map(plans);

        var unitPlans = api.MapGroup("/plans").WithTags("Unit plans");
        SubmitUnitPlan.Map(unitPlans);
        ReadUnitPlans.Map(unitPlans);
        return app;
    }
}
