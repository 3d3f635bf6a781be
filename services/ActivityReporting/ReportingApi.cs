using LearningWeek.ActivityReporting.Activities;
using LearningWeek.ActivityReporting.Progress;
using LearningWeek.ActivityReporting.UnitReports;
using LearningWeek.ActivityReporting.WardReports;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.OpenApi;
using LearningWeek.EventSourcing.DeadLetters;
using LearningWeek.EventSourcing.Publishing;

namespace LearningWeek.ActivityReporting;

/// <summary>The HTTP API of the ActivityReporting service, under <c>/api/reporting</c> (the same path through the gateway).</summary>
public static class ReportingApi
{
    public const string Prefix = "/api/reporting";

    public static IServiceCollection AddReportingOpenApi(this IServiceCollection services) =>
        services.AddLearningWeekOpenApi(
            "LearningWeek ActivityReporting API",
            "Báo cáo hoạt động, báo cáo kết quả của đơn vị, tiến độ và báo cáo tổng hợp của phường.");

    public static IEndpointRouteBuilder MapReportingApi(this IEndpointRouteBuilder app)
    {
        app.MapLearningWeekOpenApi(Prefix);
        var api = app.MapGroup(Prefix);
        api.MapWhoAmI().WithTags("Identity");
        api.MapEventFeed().WithTags("Events");
        api.MapDeadLetters().WithTags("Operations");

        var activities = api.MapGroup("/activities").WithTags("Activity reports");
        ReportActivity.Map(activities);
        ChangeActivity.Map(activities);
        ReadActivities.Map(activities);

        var unitReport = api.MapGroup("/plans/{planId:guid}/units/{unitCode}/report").WithTags("Unit reports");
        SubmitUnitReport.Map(unitReport);
        ReviewUnitReport.Map(unitReport);
        ReadUnitReport.Map(unitReport);

        var plans = api.MapGroup("/plans").WithTags("Progress");
        GetProgress.Map(plans);

        var wardReport = api.MapGroup("/plans/{planId:guid}/ward-report").WithTags("Ward report");
        CompileWardReport.Map(wardReport);
        SubmitWardReport.Map(wardReport);
        ReadWardReport.Map(wardReport);
        return app;
    }
}
