using LearningWeek.Planning.Plans;
using LearningWeek.Planning.Units;
using LearningWeek.Testing;

namespace LearningWeek.Planning.Tests.Decisions;

public sealed class IssuingTests
{
    private static readonly IssuePlan.Request Request = new("45/KH-UBND");

    [Fact]
    public void Issuing_freezes_the_plan_and_names_the_units_that_must_report_by_the_deadline()
    {
        var e = DecisionAssert.Emits<PlanIssued>(IssuePlan.Decide(Given.DraftWithLines(), Request, Given.Units(), Given.Officer, Given.Now));

        Assert.Equal("45/KH-UBND", e.Number);
        Assert.Equal(6, e.ActivityLines.Count);
        // Only the schools report to the ward by 15/10 (section III.3 of the plan); the Fatherland Front and the
        // mass organisations spread the word and take part (III.2), the culture houses and the office do not report.
        Assert.Equal(
            ["MN-PHUCLE", "MN-TAMHUNG", "TH-LAPLE", "TH-PHULE", "TH-TAMHUNG", "THCS-LAPLE", "THCS-TAMHUNG"],
            e.TargetUnits.Select(target => target.UnitCode));
        Assert.All(e.TargetUnits, target => Assert.Equal(new DateOnly(2027, 10, 15), target.ReportBefore));
        Assert.Equal(PlanStatus.Issued, Given.Apply(Given.DraftWithLines(), e).Status);
    }

    [Fact]
    public void A_deactivated_unit_is_not_expected_to_report()
    {
        var units = Given.Units().Select(unit => unit.Code == "TH-LAPLE"
            ? unit.Apply(new UnitDeactivated(unit.Id, unit.Code, unit.WardCode, "Sáp nhập", Given.Now, "ward-officer"))
            : unit).Where(unit => unit.Active).ToList();

        var e = DecisionAssert.Emits<PlanIssued>(IssuePlan.Decide(Given.DraftWithLines(), Request, units, Given.Officer, Given.Now));

        Assert.DoesNotContain(e.TargetUnits, target => target.UnitCode == "TH-LAPLE");
    }

    [Fact]
    public void A_plan_cannot_be_issued_without_a_period()
    {
        var plan = Given.DraftWithLines() with { Content = Given.Content2027 with { Period = null } };

        DecisionAssert.Fails(IssuePlan.Decide(plan, Request, Given.Units(), Given.Officer, Given.Now), 422, "plan-incomplete", "period");
    }

    [Fact]
    public void A_plan_cannot_be_issued_without_an_activity_line()
    {
        DecisionAssert.Fails(IssuePlan.Decide(Given.Draft(), Request, Given.Units(), Given.Officer, Given.Now), 422, "plan-incomplete", "activityLines");
    }

    [Fact]
    public void A_plan_cannot_be_issued_without_its_deadlines()
    {
        var plan = Given.DraftWithLines() with { Content = Given.Content2027 with { Deadlines = null } };

        DecisionAssert.Fails(IssuePlan.Decide(plan, Request, Given.Units(), Given.Officer, Given.Now), 422, "plan-incomplete", "deadlines");
    }

    [Fact]
    public void A_plan_is_issued_once()
    {
        DecisionAssert.Fails(IssuePlan.Decide(Given.Issued(), Request, Given.Units(), Given.Officer, Given.Now), 409, "plan-issued");
        DecisionAssert.Fails(IssuePlan.Decide(Given.Closed(), Request, Given.Units(), Given.Officer, Given.Now), 409, "plan-closed");
    }

    [Fact]
    public void Before_day_D_means_before_midnight_starting_D_in_Vietnam()
    {
        var deadlines = new Deadlines(new DateOnly(2025, 10, 15), new DateOnly(2025, 10, 20));

        Assert.Equal(new DateTimeOffset(2025, 10, 14, 17, 0, 0, TimeSpan.Zero), deadlines.UnitsReportDueAt);
        Assert.Equal(TimeSpan.FromHours(7), deadlines.WardReportDueAt.Offset);
        Assert.Equal(new DateTimeOffset(2025, 10, 20, 0, 0, 0, TimeSpan.FromHours(7)), deadlines.WardReportDueAt);
    }
}
