using System.Security.Claims;
using LearningWeek.ActivityReporting.Plans;
using LearningWeek.ActivityReporting.UnitReports;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;
using Marten;

namespace LearningWeek.ActivityReporting.Activities;

/// <summary>Báo cáo hoạt động: a unit reports an activity it held (its ward officer may report for it).</summary>
public static class ReportActivity
{
    public static Decision Decide(Guid reportId, ActivityRequest request, ReportingPlan? plan, UnitReport? obligation, Caller caller, DateTimeOffset now)
    {
        var unitCode = ActivityRules.UnitOf(request, caller);
        if (!caller.MayWriteFor(unitCode, plan?.WardCode))
        {
            return DomainError.Forbidden("Không thể báo cáo thay đơn vị khác", $"The caller may not report for unit {unitCode}.");
        }

        if (plan is null || !plan.HeaderKnown)
        {
            return DomainError.NotFound("Không tìm thấy kế hoạch", $"No issued plan {request.PlanId}.", "planId");
        }

        if (obligation is null)
        {
            return DomainError.Rule("not-expected", "Kế hoạch không giao nhiệm vụ báo cáo cho đơn vị này",
                $"Unit {unitCode} is not expected to report on plan {plan.Id}.", "unitCode");
        }

        var content = request.ToContent();
        return ActivityRules.Check(content, plan, obligation, now) is { } broken
            ? broken
            : Decision.Of(new ActivityReported(reportId, plan.Id, obligation.UnitCode, obligation.UnitKind, plan.WardCode, content, now, caller.Actor));
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder activities) =>
        activities.MapPost("/", Handle)
            .RequireAuthorization(Policies.UnitWriter)
            .Validates<ActivityRequest>()
            .WithIdempotency()
            .Produces<ActivityResponse>(StatusCodes.Status201Created)
            .WithName("ReportActivity")
            .WithSummary("Report an activity the unit held (the unit, or its ward officer)");

    private static async Task<IResult> Handle(ActivityRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var caller = user.Caller();
        var unitCode = ActivityRules.UnitOf(request, caller);
        // The plan and the unit's obligation in one round trip.
        var batch = session.CreateBatchQuery();
        var loadingPlan = batch.Load<ReportingPlan>(request.PlanId!.Value);
        var loadingObligation = batch.Load<UnitReport>(UnitReport.StreamId(request.PlanId!.Value, unitCode));
        await batch.Execute(cancellationToken);
        var plan = await loadingPlan;
        var obligation = await loadingObligation;
        var reportId = StreamIds.New();
        var outcome = await session.StartAsync<ActivityReport>(reportId, Decide(reportId, request, plan, obligation, caller, clock.GetUtcNow()), cancellationToken);
        switch (outcome)
        {
            case CommandOutcome<ActivityReport>.Applied applied:
                response.SetETag(applied.Version);
                return TypedResults.Created($"{ReportingApi.Prefix}/activities/{reportId}", ActivityResponse.From(applied.State));
            case CommandOutcome<ActivityReport>.Rejected rejected:
                return rejected.Error.ToProblem();
            default:
                return CommandResults.VersionProblem(clientExpectedVersion: false);
        }
    }
}
