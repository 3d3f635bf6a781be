using JasperFx.Events.Projections;
using LearningWeek.ActivityReporting.Activities;
using LearningWeek.ActivityReporting.IntegrationEvents;
using LearningWeek.ActivityReporting.LibraryFund;
using LearningWeek.ActivityReporting.Plans;
using LearningWeek.ActivityReporting.Progress;
using LearningWeek.ActivityReporting.UnitReports;
using LearningWeek.ActivityReporting.WardReports;
using LearningWeek.EventSourcing;
using LearningWeek.EventSourcing.Publishing;
using LearningWeek.EventSourcing.Following;

namespace LearningWeek.ActivityReporting;

public static class ReportingStore
{
    /// <summary>
    /// ActivityReporting's event store (reportingdb, schema reporting): units' reports with their
    /// obligations, activity reports and ward reports as streams with inline snapshots; the
    /// progress as an async projection; plans, units and fund figures as documents kept from the
    /// other services' events; its public events published from the store.
    /// </summary>
    public static IHostApplicationBuilder AddReportingStore(this IHostApplicationBuilder builder)
    {
        builder.AddEventStore("reportingdb", schemaName: "reporting", options =>
            {
                options.Events.AddEventTypes([
                    typeof(ReportingObligationOpened), typeof(VoluntaryReportingStarted), typeof(ReportingDueDateChanged), typeof(ReportingObligationWithdrawn),
                    typeof(UnitReportSubmitted), typeof(UnitReportAccepted), typeof(UnitReportReturned),
                    typeof(ActivityReported), typeof(ActivityReportCorrected), typeof(ActivityReportWithdrawn),
                    typeof(WardReportCompiled), typeof(WardReports.WardReportSubmitted),
                ]);
                options.Projections.Snapshot<UnitReport>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<ActivityReport>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<WardReport>(SnapshotLifecycle.Inline);
                options.Projections.Add<UnitProgressProjection>(ProjectionLifecycle.Async);
                options.Projections.Add<PlanTotalsProjection>(ProjectionLifecycle.Async);
                options.Schema.For<UnitProgress>().Index(unit => unit.PlanId);
                options.Schema.For<ReportingPlan>().Index(plan => plan.WardCode);
                options.Schema.For<KnownUnit>().DocumentAlias("reportingunit").Index(unit => unit.WardCode);
                options.Schema.For<UnitReport>().Index(report => report.PlanId).Index(report => report.UnitCode);
                options.Schema.For<ActivityReport>().Index(report => report.PlanId).Index(report => report.UnitCode).Index(report => report.WardCode);
                options.Schema.For<LibraryFundFigures>().UseOptimisticConcurrency(true);
                options.Schema.For<PledgeTally>().DocumentAlias("fundpledgetally").UseOptimisticConcurrency(true);
            })
            .PublishIntegrationEvents<ReportingEventMapper>();
        return builder;
    }
}
