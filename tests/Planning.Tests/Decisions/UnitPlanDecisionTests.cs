using LearningWeek.Planning.Plans;
using LearningWeek.Planning.UnitPlans;
using LearningWeek.Planning.Units;
using LearningWeek.Testing;
using static LearningWeek.Planning.UnitPlans.SubmitUnitPlan;

namespace LearningWeek.Planning.Tests.Decisions;

public sealed class UnitPlanDecisionTests
{
    private static readonly ParticipantsRequest Participants = new(450, 32, 120, null, null);

    private static Request Submit(string? unitCode = null, string line = "3.2", int fromDay = 2, int toDay = 2) =>
        new(unitCode, [new ItemRequest(line, "Ngày hội văn hoá đọc", null, new DateOnly(2027, 10, fromDay), new DateOnly(2027, 10, toDay), Participants)]);

    [Fact]
    public void A_school_submits_its_plan_as_revision_1()
    {
        var e = DecisionAssert.Emits<UnitPlanSubmitted>(Decide(Given.Issued(), Given.UnitOf("TH-TAMHUNG"), null, Submit(), Given.UnitCaller("TH-TAMHUNG"), Given.Now));

        Assert.Equal(1, e.Revision);
        Assert.Equal("TH-TAMHUNG", e.UnitCode);
        Assert.Equal(602, e.Items.Single().ExpectedParticipants.Total);
    }

    [Fact]
    public void Resubmitting_replaces_the_plan_with_the_next_revision_and_keeps_the_history()
    {
        var plan = Given.Issued();
        var first = DecisionAssert.Emits<UnitPlanSubmitted>(Decide(plan, Given.UnitOf("TH-TAMHUNG"), null, Submit(), Given.UnitCaller("TH-TAMHUNG"), Given.Now));
        var current = UnitPlan.Create(first);

        var second = DecisionAssert.Emits<UnitPlanSubmitted>(Decide(plan, Given.UnitOf("TH-TAMHUNG"), current, Submit(line: "3.4"), Given.UnitCaller("TH-TAMHUNG"), Given.Now));
        var after = current.Apply(second);

        Assert.Equal(2, after.Revision);
        Assert.Equal("3.4", after.Items.Single().LineCode);
        Assert.Equal([1, 2], after.History.Select(revision => revision.Revision));
    }

    [Fact]
    public void A_unit_cannot_submit_for_another_unit()
    {
        DecisionAssert.Fails(Decide(Given.Issued(), Given.UnitOf("TH-LAPLE"), null, Submit("TH-LAPLE"), Given.UnitCaller("TH-TAMHUNG"), Given.Now), 403);
    }

    [Fact]
    public void A_draft_or_closed_plan_takes_no_unit_plans()
    {
        DecisionAssert.Fails(Decide(Given.Draft(), Given.UnitOf("TH-TAMHUNG"), null, Submit(), Given.UnitCaller("TH-TAMHUNG"), Given.Now), 409, "plan-not-issued");
        DecisionAssert.Fails(Decide(Given.Closed(), Given.UnitOf("TH-TAMHUNG"), null, Submit(), Given.UnitCaller("TH-TAMHUNG"), Given.Now), 409, "plan-closed");
    }

    [Fact]
    public void An_unknown_activity_line_is_named()
    {
        DecisionAssert.Fails(Decide(Given.Issued(), Given.UnitOf("TH-TAMHUNG"), null, Submit(line: "9.9"), Given.UnitCaller("TH-TAMHUNG"), Given.Now),
            422, "unknown-activity-line", "items[0].lineCode");
    }

    [Fact]
    public void A_mass_organisation_the_plan_does_not_ask_to_report_submits_no_unit_plan()
    {
        DecisionAssert.Fails(Decide(Given.Issued(), Given.UnitOf("HPN-NAMTRIEU"), null, Submit(), Given.UnitCaller("HPN-NAMTRIEU"), Given.Now),
            422, "unit-not-targeted", "unitCode");
    }

    [Fact]
    public void A_line_meant_for_schools_is_refused_to_a_mass_organisation_the_plan_names()
    {
        var draft = Given.DraftWithLines();
        var naming = Given.Apply(draft, new PlanIssued(Given.PlanId, "HP-NAMTRIEU", "45/KH-UBND", draft.Content, draft.ActivityLines, draft.Responsibilities,
            [new TargetUnit("HPN-NAMTRIEU", UnitKind.MassOrganisation, draft.Content.Deadlines!.UnitsReportBefore)], Given.Now.AddDays(-8), "ward-officer"));

        DecisionAssert.Fails(Decide(naming, Given.UnitOf("HPN-NAMTRIEU"), null, Submit(line: "3.3"), Given.UnitCaller("HPN-NAMTRIEU"), Given.Now),
            422, "line-not-for-unit", "items[0].lineCode");
    }

    [Fact]
    public void Activities_must_fall_within_the_week()
    {
        DecisionAssert.Fails(Decide(Given.Issued(), Given.UnitOf("TH-TAMHUNG"), null, Submit(fromDay: 6, toDay: 9), Given.UnitCaller("TH-TAMHUNG"), Given.Now),
            422, "outside-period", "items[0].to");
    }

    [Fact]
    public void A_unit_the_plan_gives_no_task_cannot_submit()
    {
        DecisionAssert.Fails(Decide(Given.Issued(), Given.UnitOf("NVH-TDP3"), null, Submit(), Given.UnitCaller("NVH-TDP3"), Given.Now), 422, "unit-not-targeted");
    }

    [Fact]
    public void A_deactivated_unit_cannot_submit()
    {
        var unit = Given.UnitOf("TH-TAMHUNG");
        unit = unit.Apply(new UnitDeactivated(unit.Id, unit.Code, unit.WardCode, "Sáp nhập", Given.Now, "ward-officer"));

        DecisionAssert.Fails(Decide(Given.Issued(), unit, null, Submit(), Given.UnitCaller("TH-TAMHUNG"), Given.Now), 409, "unit-deactivated");
    }

    [Fact]
    public void A_ward_officer_may_submit_on_behalf_of_a_unit_of_the_ward()
    {
        DecisionAssert.Emits<UnitPlanSubmitted>(Decide(Given.Issued(), Given.UnitOf("MN-TAMHUNG"), null, Submit("MN-TAMHUNG"), Given.Officer, Given.Now));
    }
}
