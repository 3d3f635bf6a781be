using LearningWeek.ActivityReporting.Plans;
using LearningWeek.ActivityReporting.UnitReports;
using LearningWeek.Testing;
using LearningWeek.EventSourcing.Following;

namespace LearningWeek.ActivityReporting.Tests.Decisions;

public sealed class ObligationTests
{
    [Fact]
    public void A_targeted_unit_gets_an_obligation_due_at_the_plans_units_deadline()
    {
        var e = DecisionAssert.Emits<ReportingObligationOpened>(Obligations.Open(null, Given.Plan, "TH-TAMHUNG", "primary", null, Given.DuringTheWeek));

        Assert.Equal(Given.UnitsDue, e.DueAt);
        Assert.Equal(new DateTimeOffset(2025, 10, 14, 17, 0, 0, TimeSpan.Zero), e.DueAt);
    }

    [Fact]
    public void A_deactivated_unit_gets_no_obligation_and_a_closed_plan_opens_none()
    {
        var inactive = new KnownUnit { Id = "TH-LAPLE", Kind = "primary", WardCode = "HP-NAMTRIEU", Active = false, ActiveSequence = 50 };

        DecisionAssert.EmitsNothing(Obligations.Open(null, Given.Plan, "TH-LAPLE", "primary", inactive, Given.DuringTheWeek));
        DecisionAssert.EmitsNothing(Obligations.Open(null, Given.Plan with { Closed = true }, "TH-TAMHUNG", "primary", null, Given.DuringTheWeek));
    }

    [Fact]
    public void Opening_again_on_a_redelivered_event_changes_nothing()
    {
        DecisionAssert.EmitsNothing(Obligations.Open(Given.Obligation(), Given.Plan, "TH-TAMHUNG", "primary", null, Given.DuringTheWeek));
    }

    [Fact]
    public void An_amendment_that_extends_the_deadline_moves_the_due_instant()
    {
        var amended = Given.Plan with { UnitsReportDueAt = Given.UnitsDue.AddDays(3), ScheduleSequence = 20 };

        var e = DecisionAssert.Emits<ReportingDueDateChanged>(Obligations.ChangeDue(Given.Obligation(), amended, Given.DuringTheWeek));

        Assert.Equal(Given.UnitsDue.AddDays(3), e.DueAt);
    }

    [Fact]
    public void An_older_schedule_arriving_late_does_not_undo_a_newer_one()
    {
        var obligation = Given.Obligation().Apply(new ReportingDueDateChanged(Given.PlanId, "TH-TAMHUNG", Given.UnitsDue.AddDays(3), 20, Given.DuringTheWeek));
        var older = Given.Plan with { ScheduleSequence = 15, UnitsReportDueAt = Given.UnitsDue.AddDays(1) };

        DecisionAssert.EmitsNothing(Obligations.ChangeDue(obligation, older, Given.DuringTheWeek));
    }

    [Fact]
    public void A_deactivated_unit_is_no_longer_expected_but_an_accepted_report_stays()
    {
        DecisionAssert.Emits<ReportingObligationWithdrawn>(Obligations.Withdraw(Given.Obligation(), 40, Given.DuringTheWeek));
        var accepted = Given.Submitted().Apply(new UnitReportAccepted(Given.PlanId, "TH-TAMHUNG", "HP-NAMTRIEU", 1, null, Given.DuringTheWeek, "ward-officer"));
        DecisionAssert.EmitsNothing(Obligations.Withdraw(accepted, 40, Given.DuringTheWeek));
    }
}
