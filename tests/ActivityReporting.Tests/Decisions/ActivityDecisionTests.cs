using LearningWeek.ActivityReporting.Activities;
using LearningWeek.ActivityReporting.UnitReports;
using LearningWeek.EventSourcing.Following;
using LearningWeek.Testing;

namespace LearningWeek.ActivityReporting.Tests.Decisions;

public sealed class ActivityDecisionTests
{
    private static readonly Guid ReportId = Guid.Parse("0198f0a0-0000-7000-8000-0000000000bb");

    [Fact]
    public void A_school_reports_an_activity_it_held_during_the_week()
    {
        var e = DecisionAssert.Emits<ActivityReported>(ReportActivity.Decide(ReportId, Given.Activity(), Given.Plan, Given.Obligation(), null, Given.Unit("TH-TAMHUNG"), Given.DuringTheWeek));

        Assert.Equal("TH-TAMHUNG", e.UnitCode);
        Assert.Equal(542, e.Content.Participants.Total);
        Assert.Equal(2, e.Content.Sessions);
    }

    [Fact]
    public void A_unit_of_the_ward_the_plan_does_not_ask_to_report_reports_voluntarily()
    {
        var front = new KnownUnit { Id = "MTTQ-NAMTRIEU", Name = "Ủy ban MTTQ Việt Nam phường", Kind = "fatherland-front", WardCode = "HP-NAMTRIEU" };

        var decision = ReportActivity.Decide(ReportId, Given.Activity(), Given.Plan, null, front, Given.Unit("MTTQ-NAMTRIEU"), Given.DuringTheWeek);

        Assert.True(decision.Succeeded, decision.Error?.ToString());
        var reported = Assert.IsType<ActivityReported>(decision.Events[0]);
        var joined = Assert.IsType<VoluntaryReportingStarted>(decision.Events[1]);
        Assert.Equal(("MTTQ-NAMTRIEU", "fatherland-front"), (reported.UnitCode, reported.UnitKind));
        Assert.Equal(("MTTQ-NAMTRIEU", "fatherland-front", Given.PlanId), (joined.UnitCode, joined.UnitKind, joined.PlanId));
        Assert.True(UnitReport.Create(joined).Voluntary);
    }

    [Fact]
    public void A_school_cannot_report_for_another_school()
    {
        DecisionAssert.Fails(ReportActivity.Decide(ReportId, Given.Activity(unitCode: "TH-LAPLE"), Given.Plan, Given.Obligation("TH-LAPLE"), null, Given.Unit("TH-TAMHUNG"), Given.DuringTheWeek), 403);
    }

    [Fact]
    public void An_unknown_plan_is_404_and_a_unit_the_plan_does_not_expect_is_422()
    {
        DecisionAssert.Fails(ReportActivity.Decide(ReportId, Given.Activity(), null, null, null, Given.Unit("TH-TAMHUNG"), Given.DuringTheWeek), 404, field: "planId");
        DecisionAssert.Fails(ReportActivity.Decide(ReportId, Given.Activity(), Given.Plan, null, null, Given.Unit("NVH-TDP3"), Given.DuringTheWeek), 422, "not-expected", "unitCode");
        var elsewhere = new KnownUnit { Id = "NVH-TDP3", Kind = "culture-house", WardCode = "HP-OTHER" };
        DecisionAssert.Fails(ReportActivity.Decide(ReportId, Given.Activity(), Given.Plan, null, elsewhere, Given.Unit("NVH-TDP3"), Given.DuringTheWeek), 422, "not-expected", "unitCode");
        var closed = new KnownUnit { Id = "NVH-TDP3", Kind = "culture-house", WardCode = "HP-NAMTRIEU", Active = false };
        DecisionAssert.Fails(ReportActivity.Decide(ReportId, Given.Activity(), Given.Plan, null, closed, Given.Unit("NVH-TDP3"), Given.DuringTheWeek), 422, "not-expected", "unitCode");
    }

    [Fact]
    public void The_line_must_exist_and_be_meant_for_the_units_kind()
    {
        DecisionAssert.Fails(ReportActivity.Decide(ReportId, Given.Activity(line: "9.9"), Given.Plan, Given.Obligation(), null, Given.Unit("TH-TAMHUNG"), Given.DuringTheWeek),
            422, "unknown-activity-line", "lineCode");
        DecisionAssert.Fails(ReportActivity.Decide(ReportId, Given.Activity(line: "3.3"), Given.Plan, Given.Obligation("HPN-NAMTRIEU", "mass-organisation"), null,
            Given.Unit("HPN-NAMTRIEU"), Given.DuringTheWeek), 422, "line-not-for-unit", "lineCode");
    }

    [Fact]
    public void An_activity_outside_the_week_needs_a_reason_and_a_plausible_date()
    {
        DecisionAssert.Fails(ReportActivity.Decide(ReportId, Given.Activity(day: 9), Given.Plan, Given.Obligation(), null, Given.Unit("TH-TAMHUNG"), Given.DuringTheWeek.AddDays(3)),
            422, "outside-period", "heldOn");
        DecisionAssert.Emits<ActivityReported>(ReportActivity.Decide(ReportId, Given.Activity(day: 9, reason: "Lùi lịch do mưa bão"), Given.Plan, Given.Obligation(), null,
            Given.Unit("TH-TAMHUNG"), Given.DuringTheWeek.AddDays(3)));
        DecisionAssert.Fails(ReportActivity.Decide(ReportId, Given.Activity(day: 7), Given.Plan, Given.Obligation(), null, Given.Unit("TH-TAMHUNG"), Given.DuringTheWeek.AddDays(-5)),
            422, "held-in-the-future", "heldOn");
    }

    [Fact]
    public void No_activity_is_reported_once_the_units_report_is_accepted()
    {
        var accepted = Given.Submitted().Apply(new UnitReportAccepted(Given.PlanId, "TH-TAMHUNG", "HP-NAMTRIEU", 1, null, Given.DuringTheWeek, "ward-officer"));

        DecisionAssert.Fails(ReportActivity.Decide(ReportId, Given.Activity(), Given.Plan, accepted, null, Given.Unit("TH-TAMHUNG"), Given.DuringTheWeek), 409, "unit-report-accepted");
    }

    [Fact]
    public void A_correction_keeps_the_history_and_the_previous_figures()
    {
        var report = ActivityReport.Create(DecisionAssert.Emits<ActivityReported>(
            ReportActivity.Decide(ReportId, Given.Activity(), Given.Plan, Given.Obligation(), null, Given.Unit("TH-TAMHUNG"), Given.DuringTheWeek)));
        var corrected = Given.Activity() with { Participants = new ParticipantsRequest(480, 32, 60, null, null) };

        var e = DecisionAssert.Emits<ActivityReportCorrected>(ChangeActivity.Correct(report, corrected, Given.Plan, Given.Obligation(), Given.Unit("TH-TAMHUNG"), Given.DuringTheWeek));
        var after = report.Apply(e);

        Assert.Equal(2, after.Revision);
        Assert.Equal(450, e.Previous.Participants.Students);
        Assert.Equal(480, after.Content.Participants.Students);
        Assert.Equal([1, 2], after.History.Select(revision => revision.Revision));
    }

    [Fact]
    public void A_withdrawn_report_stays_in_history_and_cannot_change_again()
    {
        var report = ActivityReport.Create(DecisionAssert.Emits<ActivityReported>(
            ReportActivity.Decide(ReportId, Given.Activity(), Given.Plan, Given.Obligation(), null, Given.Unit("TH-TAMHUNG"), Given.DuringTheWeek)));

        var withdrawn = report.Apply(DecisionAssert.Emits<ActivityReportWithdrawn>(
            ChangeActivity.Withdraw(report, "Trùng lặp", Given.Obligation(), Given.Unit("TH-TAMHUNG"), Given.DuringTheWeek)));

        Assert.True(withdrawn.Withdrawn);
        DecisionAssert.Fails(ChangeActivity.Withdraw(withdrawn, null, Given.Obligation(), Given.Unit("TH-TAMHUNG"), Given.DuringTheWeek), 409, "activity-withdrawn");
        DecisionAssert.Fails(ChangeActivity.Withdraw(report, null, Given.Obligation(), Given.Unit("TH-LAPLE"), Given.DuringTheWeek), 403);
    }
}
