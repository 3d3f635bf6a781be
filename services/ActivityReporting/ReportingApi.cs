using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.OpenApi;

namespace LearningWeek.ActivityReporting;

/// <summary>The HTTP API of the ActivityReporting service, under <c>/api/reporting</c> (the same path through the gateway).</summary>
public static class ReportingApi
{
    public const string Prefix = "/api/reporting";

    public static IServiceCollection AddReportingApiOpenApi(this IServiceCollection services) =>
        services.AddLearningWeekOpenApi(
            "LearningWeek ActivityReporting API",
            "Báo cáo hoạt động, báo cáo kết quả của đơn vị, tiến độ và báo cáo tổng hợp của phường.");

    public static IEndpointRouteBuilder MapReportingApi(this IEndpointRouteBuilder app)
    {
        app.MapLearningWeekOpenApi(Prefix);
        var api = app.MapGroup(Prefix).WithTags("ActivityReporting");
        api.MapWhoAmI();
        return app;
    }
}
