using System.Security.Claims;
using LearningWeek.ActivityReporting.Plans;
using LearningWeek.ActivityReporting.UnitReports;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ActivityReporting.Activities;
using LearningWeek.EventSourcing;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using LearningWeek.EventSourcing.Following;

namespace LearningWeek.ActivityReporting.Progress;

/// <summary>Shares of the expected units: submitted (completeness) and on time (timeliness).</summary>
public sealed record Rates(int Expected, int Submitted, int OnTime, int Late, int Accepted, int Returned, int NotSubmitted, double Completeness, double Timeliness)
{
    public static Rates Of(IReadOnlyCollection<UnitProgress> units)
    {
        var expected = units.Where(unit => unit.Expected).ToList();
        var submitted = expected.Count(unit => unit.FirstSubmittedAt is not null);
        var onTime = expected.Count(unit => unit.OnTime == true);
        return new Rates(
            expected.Count, submitted, onTime, expected.Count(unit => unit.OnTime == false),
            expected.Count(unit => unit.Status == UnitReportStatus.Accepted), expected.Count(unit => unit.Status == UnitReportStatus.Returned),
            expected.Count - submitted,
            Share(submitted, expected.Count), Share(onTime, expected.Count));
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}

public sealed record KindProgress(string Kind, string KindName, Rates Rates);

/// <summary>
/// A unit's row: <c>Expected</c> when the plan asks it to report (and it is still active);
/// <c>Voluntary</c> when it reports activities of its own accord, never missing nor late.
/// </summary>
public sealed record UnitRow(
    string UnitCode, string UnitName, string Kind, bool Expected, DateTimeOffset? DueAt, int ActivityReports,
    DateTimeOffset? SubmittedAt, bool? OnTime, UnitReportStatus Status, bool Voluntary);

public sealed record LineTotals(string LineCode, string Title, int ActivityReports, long Sessions, ParticipantCounts Participants, long ParticipantsTotal);

public sealed record DayTotals(DateOnly Day, string DayText, int ActivityReports, long Sessions, ParticipantCounts Participants, long ParticipantsTotal);

/// <summary>The progress of a plan as GET /progress and the ward report show it.</summary>
public sealed record ProgressResponse(
    Guid PlanId,
    string Title,
    string WardCode,
    DateTimeOffset UnitsReportDueAt,
    string UnitsReportText,
    Rates Ward,
    IReadOnlyList<KindProgress> ByKind,
    IReadOnlyList<UnitRow> Units,
    IReadOnlyList<LineTotals> ByLine,
    IReadOnlyList<DayTotals> ByDay,
    int ActivityReports,
    long Sessions,
    ParticipantCounts Participants,
    long ParticipantsTotal)
{
    public static ProgressResponse Build(ReportingPlan plan, PlanProgress? progress, IReadOnlyDictionary<string, KnownUnit> units)
    {
        var all = progress?.Units ?? [];
        var planTotals = progress?.Totals ?? new PlanTotals { Id = plan.Id };
        var byKind = all.Where(unit => unit.Expected)
            .GroupBy(unit => unit.Kind)
            .OrderBy(group => UnitKinds.Order(group.Key))
            .Select(group => new KindProgress(group.Key, UnitKinds.Vietnamese(group.Key), Rates.Of([.. group])))
            .ToList();
        var rows = all
            .OrderBy(unit => UnitKinds.Order(unit.Kind)).ThenBy(unit => unit.UnitCode, StringComparer.Ordinal)
            .Select(unit => new UnitRow(
                unit.UnitCode, units.TryGetValue(unit.UnitCode, out var known) && known.Name.Length > 0 ? known.Name : unit.UnitCode,
                unit.Kind, unit.Expected, unit.DueAt is { } due ? VietnamTime.ToVietnam(due) : null, unit.ActivityReports,
                unit.FirstSubmittedAt, unit.OnTime, unit.Status, !unit.Obligated))
            .ToList();
        var lines = plan.Lines.Select(line => line.Code)
            .Concat(planTotals.ByLine.Keys.Where(code => plan.Line(code) is null))
            .Select(code =>
            {
                var totals = planTotals.ByLine.GetValueOrDefault(code) ?? new Totals();
                return new LineTotals(code, plan.Line(code)?.Title ?? code, totals.ActivityReports, totals.Sessions, totals.Participants, totals.Participants.Total);
            })
            .ToList();
        var days = planTotals.ByDay
            .Where(day => day.Value.ActivityReports > 0)
            .Select(day => (Day: DateOnly.ParseExact(day.Key, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Totals: day.Value))
            .OrderBy(day => day.Day)
            .Select(day => new DayTotals(day.Day, VietnamTime.Format(day.Day), day.Totals.ActivityReports, day.Totals.Sessions, day.Totals.Participants, day.Totals.Participants.Total))
            .ToList();
        return new ProgressResponse(
            plan.Id, plan.Title, plan.WardCode, VietnamTime.ToVietnam(plan.UnitsReportDueAt), $"trước ngày {VietnamTime.Format(plan.UnitsReportBefore)}",
            Rates.Of(all), byKind, rows, lines, days,
            planTotals.All.ActivityReports, planTotals.All.Sessions, planTotals.All.Participants, planTotals.All.Participants.Total);
    }
}

public static class GetProgress
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder plans) =>
        plans.MapGet("/{planId:guid}/progress", Handle)
            .RequireAuthorization(Policies.EventReader)
            .WithName("GetProgress")
            .WithSummary("Reporting progress of a plan: per unit, per kind of unit and for the ward (completeness, timeliness), totals by line and day");

    private static async Task<Results<Ok<ProgressResponse>, ProblemHttpResult>> Handle(Guid planId, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var plan = await session.LoadAsync<ReportingPlan>(planId, cancellationToken);
        var caller = user.Caller();
        if (plan is null || !plan.HeaderKnown || (caller.IsWardOfficer && plan.WardCode != caller.WardCode))
        {
            return ReportingProblems.PlanNotFound(planId);
        }

        return TypedResults.Ok(await LoadAsync(session, plan, cancellationToken));
    }

    public static async Task<ProgressResponse> LoadAsync(IQuerySession session, ReportingPlan plan, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var progress = batch.Query<UnitProgress>().Where(unit => unit.PlanId == plan.Id).ToList();
        var totals = batch.Load<PlanTotals>(plan.Id);
        var units = batch.Query<KnownUnit>().Where(unit => unit.WardCode == plan.WardCode).ToList();
        await batch.Execute(cancellationToken);
        return ProgressResponse.Build(plan, new PlanProgress([.. await progress], await totals ?? new PlanTotals { Id = plan.Id }),
            (await units).ToDictionary(unit => unit.Id));
    }
}
