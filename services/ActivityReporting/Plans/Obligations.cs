using LearningWeek.ActivityReporting.UnitReports;
using LearningWeek.EventSourcing;
using LearningWeek.EventSourcing.Following;

namespace LearningWeek.ActivityReporting.Plans;

/// <summary>
/// Who must report on which plan, by when: pure decisions over what Planning told us. Each is
/// safe to take again (a redelivered or reordered event changes nothing it should not).
/// </summary>
public static class Obligations
{
    /// <summary>Opens the unit's obligation on the plan, due by the plan's latest units deadline; or brings its due date up to date.</summary>
    public static Decision Open(UnitReport? existing, ReportingPlan plan, string unitCode, string unitKind, KnownUnit? unit, DateTimeOffset now)
    {
        if (existing is { Voluntary: true })
        {
            return existing.Status == UnitReportStatus.Withdrawn
                ? Decision.Of()
                : Decision.Of(new ReportingObligationOpened(plan.Id, unitCode, unitKind, plan.WardCode, plan.UnitsReportDueAt, plan.ScheduleSequence, now));
        }

        if (existing is not null)
        {
            return ChangeDue(existing, plan, now);
        }

        if (plan.Closed || unit is { Active: false })
        {
            return Decision.Of();
        }

        return Decision.Of(new ReportingObligationOpened(plan.Id, unitCode, unitKind, plan.WardCode, plan.UnitsReportDueAt, plan.ScheduleSequence, now));
    }

    /// <summary>An amendment moved the deadline: the obligation follows, unless it already knows a later amendment.</summary>
    public static Decision ChangeDue(UnitReport existing, ReportingPlan plan, DateTimeOffset now) =>
        existing.Status == UnitReportStatus.Withdrawn || existing.Voluntary || plan.ScheduleSequence <= existing.DueSequence || existing.DueAt == plan.UnitsReportDueAt
            ? Decision.Of()
            : Decision.Of(new ReportingDueDateChanged(existing.PlanId, existing.UnitCode, plan.UnitsReportDueAt, plan.ScheduleSequence, now));

    /// <summary>A deactivated unit is no longer expected to report; an accepted report stays as it is.</summary>
    public static Decision Withdraw(UnitReport existing, long sourceSequence, DateTimeOffset now) =>
        existing.Status is UnitReportStatus.Accepted or UnitReportStatus.Withdrawn
            ? Decision.Of()
            : Decision.Of(new ReportingObligationWithdrawn(existing.PlanId, existing.UnitCode, "Đơn vị ngừng hoạt động", sourceSequence, now));
}
