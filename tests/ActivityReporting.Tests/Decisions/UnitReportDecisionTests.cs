using LearningWeek.ActivityReporting.Activities;
using LearningWeek.ActivityReporting.UnitReports;
using ParticipantCounts = LearningWeek.ActivityReporting.Activities.ParticipantCounts;
using LearningWeek.Testing;

namespace LearningWeek.ActivityReporting.Tests.Decisions;

public sealed class UnitReportDecisionTests
{
    private static readonly SubmitUnitReport.Request Narrative = new("Tổ chức 3 hoạt động", "Học sinh hào hứng", null, "Bổ sung sách");

    [Fact]
    public void Submitting_one_second_before_the_due_instant_is_on_time()
    {
        var e = DecisionAssert.Emits<UnitReports.UnitReportSubmitted>(
            SubmitUnitReport.Decide(Given.Obligation(), Narrative, [], Given.Plan, Given.Unit("TH-TAMHUNG"), Given.UnitsDue.AddSeconds(-1)));

        Assert.True(e.OnTime);
    }

    [Fact]
    public void Submitting_at_the_due_instant_is_late_and_still_taken()
    {
        var e = DecisionAssert.Emits<UnitReports.UnitReportSubmitted>(
            SubmitUnitReport.Decide(Given.Obligation(), Narrative, [], Given.Plan, Given.Unit("TH-TAMHUNG"), Given.UnitsDue));

        Assert.False(e.OnTime);
    }

    [Fact]
    public void After_an_amendment_extends_the_deadline_the_old_instant_is_on_time()
    {
        var extended = Given.Obligation().Apply(new ReportingDueDateChanged(Given.PlanId, "TH-TAMHUNG", Given.UnitsDue.AddDays(3), 20, Given.DuringTheWeek));

        var e = DecisionAssert.Emits<UnitReports.UnitReportSubmitted>(
            SubmitUnitReport.Decide(extended, Narrative, [], Given.Plan, Given.Unit("TH-TAMHUNG"), Given.UnitsDue.AddHours(1)));

        Assert.True(e.OnTime);
        Assert.Equal(Given.UnitsDue.AddDays(3), e.DueAt);
    }

    [Fact]
    public void The_figures_are_those_of_the_units_activity_reports_that_count()
    {
        var kept = Report(Guid.NewGuid(), "3.2", 450, 2);
        var alsoKept = Report(Guid.NewGuid(), "3.4", 100, 1);
        var withdrawn = Report(Guid.NewGuid(), "3.2", 999, 9) with { Withdrawn = true };

        var e = DecisionAssert.Emits<UnitReports.UnitReportSubmitted>(
            SubmitUnitReport.Decide(Given.Obligation(), Narrative, [kept, alsoKept, withdrawn], Given.Plan, Given.Unit("TH-TAMHUNG"), Given.DuringTheWeek));

        Assert.Equal(2, e.Figures.ActivityReports);
        Assert.Equal(3, e.Figures.Sessions);
        Assert.Equal(550, e.Figures.Participants.Students);
        Assert.Equal(["3.2", "3.4"], e.Figures.ByLine.Select(line => line.LineCode));
    }

    [Fact]
    public void A_report_under_review_or_accepted_cannot_be_submitted_again_but_a_returned_one_can()
    {
        var submitted = Given.Submitted();
        DecisionAssert.Fails(SubmitUnitReport.Decide(submitted, Narrative, [], Given.Plan, Given.Unit("TH-TAMHUNG"), Given.DuringTheWeek), 409, "unit-report-under-review");

        var returned = submitted.Apply(DecisionAssert.Emits<UnitReports.UnitReportReturned>(
            ReviewUnitReport.Return(submitted, new ReviewUnitReport.ReturnRequest("Thiếu số liệu 3.5"), Given.Officer, Given.DuringTheWeek)));
        var again = DecisionAssert.Emits<UnitReports.UnitReportSubmitted>(
            SubmitUnitReport.Decide(returned, Narrative, [], Given.Plan, Given.Unit("TH-TAMHUNG"), Given.UnitsDue.AddDays(2)));
        Assert.Equal(2, again.Revision);

        var resubmitted = returned.Apply(again);
        Assert.True(resubmitted.FirstOnTime); // the first submission met the deadline; a correction after it does not make it late
        var accepted = resubmitted.Apply(DecisionAssert.Emits<UnitReports.UnitReportAccepted>(
            ReviewUnitReport.Accept(resubmitted, new ReviewUnitReport.AcceptRequest(null), Given.Officer, Given.DuringTheWeek)));
        DecisionAssert.Fails(SubmitUnitReport.Decide(accepted, Narrative, [], Given.Plan, Given.Unit("TH-TAMHUNG"), Given.DuringTheWeek), 409, "unit-report-accepted");
    }

    [Fact]
    public void Only_the_unit_or_its_ward_submits_and_only_its_ward_reviews()
    {
        DecisionAssert.Fails(SubmitUnitReport.Decide(Given.Obligation(), Narrative, [], Given.Plan, Given.Unit("TH-LAPLE"), Given.DuringTheWeek), 403);
        DecisionAssert.Emits<UnitReports.UnitReportSubmitted>(SubmitUnitReport.Decide(Given.Obligation(), Narrative, [], Given.Plan, Given.Officer, Given.DuringTheWeek));
        DecisionAssert.Fails(ReviewUnitReport.Accept(Given.Submitted(), new ReviewUnitReport.AcceptRequest(null), Given.OtherWardOfficer, Given.DuringTheWeek), 403);
        DecisionAssert.Fails(ReviewUnitReport.Accept(Given.Obligation(), new ReviewUnitReport.AcceptRequest(null), Given.Officer, Given.DuringTheWeek), 409, "unit-report-not-submitted");
    }

    private static ActivityReport Report(Guid id, string line, int students, int sessions) =>
        ActivityReport.Create(new ActivityReported(id, Given.PlanId, "TH-TAMHUNG", "primary", "HP-NAMTRIEU",
            new ActivityContent(line, "Hoạt động", new DateOnly(2025, 10, 2), null, "Trường", [], new ParticipantCounts(students, 0, 0, 0, 0), sessions, [], null),
            Given.DuringTheWeek, "TH-TAMHUNG"));
}
