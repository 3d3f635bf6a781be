using System.Security.Claims;
using LearningWeek.ActivityReporting.Plans;
using LearningWeek.ActivityReporting.UnitReports;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;
using LearningWeek.EventSourcing.Following;
using Marten;

namespace LearningWeek.ActivityReporting.Activities;

/// <summary>Báo cáo hoạt động: a unit reports an activity it held (its ward officer may report for it).</summary>
public static class ReportActivity
{
    /// <summary>
    /// Reports the activity against the unit's reporting on the plan. A unit the plan does not ask
    /// to report, but which is an active unit of the plan's ward, reports voluntarily: the decision
    /// then also starts its (voluntary) reporting stream, in the same transaction.
    /// </summary>
    public static Decision Decide(
        Guid reportId, ActivityRequest request, ReportingPlan? plan, UnitReport? obligation, KnownUnit? unit, Caller caller, DateTimeOffset now)
    {
        var unitCode = ActivityRules.UnitOf(request, caller);
        // A unit naming another is refused whether the plan exists or not; an officer learns it does not.
        if (plan is null ? caller.IsUnit && caller.UnitCode != unitCode : !caller.MayWriteFor(unitCode, plan.WardCode))
        {
            return DomainError.Forbidden("Không thể báo cáo thay đơn vị khác", $"Tài khoản không có quyền báo cáo thay đơn vị {unitCode}.",
                english: $"The caller may not report for unit {unitCode}.");
        }

        if (plan is null || !plan.HeaderKnown)
        {
            return DomainError.NotFound("Không tìm thấy kế hoạch", $"Không có kế hoạch đã ban hành với mã {request.PlanId}.",
                english: $"No issued plan {request.PlanId}.", field: "planId");
        }

        VoluntaryReportingStarted? joined = null;
        if (obligation is null)
        {
            if (unit is not { Active: true } || unit.WardCode != plan.WardCode)
            {
                return DomainError.Rule("not-expected", "Đơn vị không thuộc phường của kế hoạch hoặc đã ngừng hoạt động",
                    $"Đơn vị {unitCode} không phải là đơn vị đang hoạt động của phường {plan.WardCode}.",
                    english: $"Unit {unitCode} is not an active unit of ward {plan.WardCode}.", field: "unitCode");
            }

            joined = new VoluntaryReportingStarted(plan.Id, unit.Id, unit.Kind, plan.WardCode, now, caller.Actor);
            obligation = UnitReport.Create(joined);
        }

        var content = request.ToContent();
        if (ActivityRules.Check(content, plan, obligation, now) is { } broken)
        {
            return broken;
        }

        var reported = new ActivityReported(reportId, plan.Id, obligation.UnitCode, obligation.UnitKind, plan.WardCode, content, now, caller.Actor);
        return joined is null ? Decision.Of(reported) : Decision.Of(reported, joined);
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder activities) =>
        activities.MapPost("/", Handle)
            .RequireAuthorization(Policies.UnitWriter)
            .Validates<ActivityRequest>()
            .WithIdempotency()
            .Produces<ActivityResponse>(StatusCodes.Status201Created)
            .WithName("ReportActivity")
            .WithSummary("Report an activity the unit held (the unit, or its ward officer)");

    private static async Task<IResult> Handle(
        ActivityRequest request, ClaimsPrincipal user, IDocumentSession session, IDocumentStore store, TimeProvider clock, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var outcome = await ReportAsync(request, user.Caller(), session, clock, cancellationToken);
        if (outcome is (CommandOutcome<ActivityReport>.VersionMismatch, _))
        {
            // Another first report of the same voluntary unit started its reporting meanwhile: once
            // more, in a fresh session, now against the stream that exists.
            await using var retry = store.LightweightSession();
            outcome = await ReportAsync(request, user.Caller(), retry, clock, cancellationToken);
        }

        switch (outcome)
        {
            case (CommandOutcome<ActivityReport>.Applied applied, var reportId):
                response.SetETag(applied.Version);
                return TypedResults.Created($"{ReportingApi.Prefix}/activities/{reportId}", ActivityResponse.From(applied.State));
            case (CommandOutcome<ActivityReport>.Rejected rejected, _):
                return rejected.Error.ToProblem();
            default:
                return CommandResults.VersionProblem(clientExpectedVersion: false);
        }
    }

    private static async Task<(CommandOutcome<ActivityReport> Outcome, Guid ReportId)> ReportAsync(
        ActivityRequest request, Caller caller, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var unitCode = ActivityRules.UnitOf(request, caller);
        // Until this commits, the unit's report cannot be accepted; and an acceptance that committed first is seen below.
        await session.HoldStreamAsync(UnitReport.StreamId(request.PlanId!.Value, unitCode), cancellationToken);
        // The plan, the unit's reporting on it and the unit itself in one round trip.
        var batch = session.CreateBatchQuery();
        var loadingPlan = batch.Load<ReportingPlan>(request.PlanId!.Value);
        var loadingObligation = batch.Load<UnitReport>(UnitReport.StreamId(request.PlanId!.Value, unitCode));
        var loadingUnit = batch.Load<KnownUnit>(unitCode);
        await batch.Execute(cancellationToken);
        var obligation = await loadingObligation;
        var reportId = StreamIds.New();
        var decision = Decide(reportId, request, await loadingPlan, obligation, obligation is null ? await loadingUnit : null, caller, clock.GetUtcNow());
        if (decision.Events.OfType<VoluntaryReportingStarted>().SingleOrDefault() is { } joined)
        {
            // The unit's voluntary reporting starts in the same transaction as its first activity report.
            session.Events.StartStream<UnitReport>(UnitReport.StreamId(joined.PlanId, joined.UnitCode), joined);
            decision = Decision.Of(decision.Events.Where(e => e is not VoluntaryReportingStarted));
        }

        return (await session.StartAsync<ActivityReport>(reportId, decision, cancellationToken), reportId);
    }
}
