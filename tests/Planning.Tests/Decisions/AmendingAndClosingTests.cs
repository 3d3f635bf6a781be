using LearningWeek.Planning.Plans;
using LearningWeek.Testing;

namespace LearningWeek.Planning.Tests.Decisions;

public sealed class AmendingAndClosingTests
{
    [Fact]
    public void Extending_the_units_deadline_records_the_reason_and_moves_every_units_due_date()
    {
        var plan = Given.Issued();

        var e = DecisionAssert.Emits<PlanAmended>(AmendPlan.Decide(
            plan, new AmendPlan.Request("Gia hạn do bão số 10", new DateOnly(2027, 10, 18), null, null), Given.Officer, Given.Now));
        var amended = Given.Apply(plan, e);

        Assert.Equal(1, e.Number);
        Assert.Equal("Gia hạn do bão số 10", e.Reason);
        Assert.Equal(new Deadlines(new DateOnly(2027, 10, 18), new DateOnly(2027, 10, 20)), amended.Content.Deadlines);
        Assert.All(amended.TargetUnits, target => Assert.Equal(new DateOnly(2027, 10, 18), target.ReportBefore));
        Assert.Single(amended.Amendments);
    }

    [Fact]
    public void An_amendment_cannot_move_a_deadline_into_the_past()
    {
        var lateInTheWeek = new DateTimeOffset(2027, 10, 16, 8, 0, 0, TimeSpan.FromHours(7));

        DecisionAssert.Fails(AmendPlan.Decide(
            Given.Issued(), new AmendPlan.Request("Rút ngắn", new DateOnly(2027, 10, 16), null, null), Given.Officer, lateInTheWeek),
            422, "deadline-in-the-past", "unitsReportBefore");
    }

    [Fact]
    public void An_amendment_keeps_the_ward_deadline_after_the_units_deadline()
    {
        DecisionAssert.Fails(AmendPlan.Decide(
            Given.Issued(), new AmendPlan.Request("Gia hạn", new DateOnly(2027, 10, 25), null, null), Given.Officer, Given.Now),
            422, "ward-deadline-before-units", "wardReportBefore");
    }

    [Fact]
    public void An_amendment_can_add_an_activity_line_but_not_one_the_plan_has()
    {
        var added = new ActivityLines.Request("3.7", "Ngày hội sách số", null, null, null);
        var e = DecisionAssert.Emits<PlanAmended>(AmendPlan.Decide(Given.Issued(), new AmendPlan.Request("Bổ sung hoạt động", null, null, [added]), Given.Officer, Given.Now));

        Assert.Equal(["3.7"], e.AddedLines.Select(line => line.Code));
        Assert.Equal(7, e.ActivityLines.Count);
        DecisionAssert.Fails(AmendPlan.Decide(Given.Issued(), new AmendPlan.Request("Trùng", null, null, [added with { Code = "3.2" }]), Given.Officer, Given.Now),
            409, "duplicate-activity-line");
    }

    [Fact]
    public void An_amendment_must_change_something()
    {
        DecisionAssert.Fails(AmendPlan.Decide(Given.Issued(), new AmendPlan.Request("Không đổi", null, null, null), Given.Officer, Given.Now), 422, "empty-amendment");
    }

    [Fact]
    public void Drafts_are_edited_not_amended_and_closed_plans_not_at_all()
    {
        var request = new AmendPlan.Request("Gia hạn", new DateOnly(2027, 10, 18), null, null);

        DecisionAssert.Fails(AmendPlan.Decide(Given.Draft(), request, Given.Officer, Given.Now), 409, "plan-not-issued");
        DecisionAssert.Fails(AmendPlan.Decide(Given.Closed(), request, Given.Officer, Given.Now), 409, "plan-closed");
    }

    [Fact]
    public void An_issued_plan_can_be_closed_once_and_a_draft_cannot_be()
    {
        var e = DecisionAssert.Emits<PlanClosed>(ClosePlan.Decide(Given.Issued(), new ClosePlan.Request("Kết thúc năm học"), Given.Officer, Given.Now));

        Assert.Equal("Kết thúc năm học", e.Reason);
        DecisionAssert.Fails(ClosePlan.Decide(Given.Closed(), new ClosePlan.Request(null), Given.Officer, Given.Now), 409, "plan-closed");
        DecisionAssert.Fails(ClosePlan.Decide(Given.Draft(), new ClosePlan.Request(null), Given.Officer, Given.Now), 409, "plan-not-issued");
    }
}
