using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.OpenApi;

namespace LearningWeek.Planning;

/// <summary>The HTTP API of the Planning service, under <c>/api/planning</c> (the same path through the gateway).</summary>
public static class PlanningApi
{
    public const string Prefix = "/api/planning";

    public static IServiceCollection AddPlanningApiOpenApi(this IServiceCollection services) =>
        services.AddLearningWeekOpenApi(
            "LearningWeek Planning API",
            "Kế hoạch Tuần lễ hưởng ứng học tập suốt đời: đơn vị, kế hoạch của phường, kế hoạch của đơn vị.");

    public static IEndpointRouteBuilder MapPlanningApi(this IEndpointRouteBuilder app)
    {
        app.MapLearningWeekOpenApi(Prefix);
        var api = app.MapGroup(Prefix).WithTags("Planning");
        api.MapWhoAmI();
        return app;
    }
}
