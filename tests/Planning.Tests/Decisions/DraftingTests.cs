using LearningWeek.Planning.Plans;
using LearningWeek.Testing;

namespace LearningWeek.Planning.Tests.Decisions;

public sealed class DraftingTests
{
    [Fact]
    public void A_draft_records_the_content_for_the_officers_ward()
    {
        var e = DecisionAssert.Emits<PlanDrafted>(DraftPlan.Draft(Given.PlanId, Given.Content2027, Given.Officer, Given.Now));

        Assert.Equal("HP-NAMTRIEU", e.WardCode);
        Assert.Equal(Given.Content2027.Title, e.Content.Title);
    }

    [Fact]
    public void The_period_must_lie_within_the_plans_year()
    {
        var content = Given.Content2027 with { Period = new Period(new DateOnly(2027, 12, 28), new DateOnly(2028, 1, 3)), Deadlines = null };

        DecisionAssert.Fails(DraftPlan.Draft(Given.PlanId, content, Given.Officer, Given.Now), 422, "period-outside-year", "period");
    }

    [Fact]
    public void The_units_deadline_must_come_after_the_period()
    {
        var content = Given.Content2027 with { Deadlines = new Deadlines(new DateOnly(2027, 10, 7), new DateOnly(2027, 10, 20)) };

        DecisionAssert.Fails(DraftPlan.Draft(Given.PlanId, content, Given.Officer, Given.Now), 422, "deadline-before-period-end", "deadlines.unitsReportBefore");
    }

    [Fact]
    public void The_ward_deadline_may_not_come_before_the_units_deadline()
    {
        var content = Given.Content2027 with { Deadlines = new Deadlines(new DateOnly(2027, 10, 15), new DateOnly(2027, 10, 14)) };

        DecisionAssert.Fails(DraftPlan.Draft(Given.PlanId, content, Given.Officer, Given.Now), 422, "ward-deadline-before-units", "deadlines.wardReportBefore");
    }

    [Fact]
    public void A_draft_can_be_edited()
    {
        var e = DecisionAssert.Emits<PlanDraftRevised>(DraftPlan.Edit(Given.Draft(), Given.Content2027 with { Title = "Kế hoạch (sửa)" }, Given.Officer, Given.Now));

        Assert.Equal("Kế hoạch (sửa)", e.Content.Title);
    }

    [Fact]
    public void An_issued_plan_cannot_be_edited_only_amended()
    {
        DecisionAssert.Fails(DraftPlan.Edit(Given.Issued(), Given.Content2027, Given.Officer, Given.Now), 409, "plan-issued");
    }

    [Fact]
    public void An_officer_of_another_ward_cannot_edit_the_plan()
    {
        DecisionAssert.Fails(DraftPlan.Edit(Given.Draft(), Given.Content2027, Given.OtherWardOfficer, Given.Now), 403);
    }

    [Fact]
    public void Activity_line_codes_are_unique_in_a_plan()
    {
        var plan = Given.DraftWithLines();

        DecisionAssert.Fails(ActivityLines.Add(plan, plan.ActivityLines[1], Given.Officer, Given.Now), 409, "duplicate-activity-line", "code");
    }

    [Fact]
    public void A_line_can_be_removed_from_a_draft_but_not_from_an_issued_plan()
    {
        DecisionAssert.Emits<ActivityLineRemoved>(ActivityLines.Remove(Given.DraftWithLines(), "3.6", Given.Officer, Given.Now));
        DecisionAssert.Fails(ActivityLines.Remove(Given.Issued(), "3.6", Given.Officer, Given.Now), 409, "plan-issued");
    }
}
