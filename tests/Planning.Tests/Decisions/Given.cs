using LearningWeek.ApiDefaults.Identity;
using LearningWeek.Planning.Plans;
using LearningWeek.Planning.SampleData;
using LearningWeek.Planning.Units;

namespace LearningWeek.Planning.Tests.Decisions;

/// <summary>The Given of Given/When/Then: states built from events, as Marten builds them.</summary>
public static class Given
{
    public static readonly DateTimeOffset Now = new(2027, 9, 20, 9, 0, 0, TimeSpan.FromHours(7));
    public static readonly Guid PlanId = Guid.Parse("0198f0a0-0000-7000-8000-000000000001");
    public static readonly Caller Officer = new("ward-officer", Roles.WardOfficer, "UBND-NAMTRIEU", "HP-NAMTRIEU");
    public static readonly Caller OtherWardOfficer = new("ward-officer-2", Roles.WardOfficer, "UBND-X", "HP-OTHER");
    public static readonly Caller City = new("city", Roles.City, null, null);

    public static Caller UnitCaller(string code) => new(code, Roles.Unit, code, "HP-NAMTRIEU");

    /// <summary>The sample plan's content moved to 2027, so that its deadlines lie ahead of <see cref="Now"/>.</summary>
    public static PlanContent Content2027 => NamTrieu2025.Content with
    {
        Year = 2027,
        Period = new Period(new DateOnly(2027, 10, 1), new DateOnly(2027, 10, 7)),
        Deadlines = new Deadlines(new DateOnly(2027, 10, 15), new DateOnly(2027, 10, 20)),
    };

    public static Plan Draft(PlanContent? content = null) =>
        Plan.Create(new PlanDrafted(PlanId, "HP-NAMTRIEU", content ?? Content2027, Now.AddDays(-10), "ward-officer"));

    public static Plan DraftWithLines() =>
        Apply(Draft(),
            [.. NamTrieu2025.ActivityLines.Select(line => (object)new ActivityLineAdded(PlanId, line, Now.AddDays(-9), "ward-officer")),
             .. NamTrieu2025.Responsibilities.Select(r => (object)new ResponsibilityAssigned(PlanId, r, Now.AddDays(-9), "ward-officer"))]);

    public static Plan Issued()
    {
        var draft = DraftWithLines();
        var targets = Units().Where(unit => draft.ExpectsReportFrom(unit.Code, unit.Kind))
            .Select(unit => new TargetUnit(unit.Code, unit.Kind, draft.Content.Deadlines!.UnitsReportBefore)).ToList();
        return Apply(draft, new PlanIssued(PlanId, "HP-NAMTRIEU", "45/KH-UBND", draft.Content, draft.ActivityLines, draft.Responsibilities, targets, Now.AddDays(-8), "ward-officer"));
    }

    public static Plan Closed() => Apply(Issued(), new PlanClosed(PlanId, "HP-NAMTRIEU", "Hết năm", Now, "ward-officer"));

    public static IReadOnlyList<Unit> Units() =>
        [.. NamTrieu2025.Units.Select(unit => Unit.Create(new UnitRegistered(Unit.StreamId(unit.Code!), unit.Code!, unit.Name!, unit.Kind!.Value, unit.WardCode!, Now.AddDays(-30), "ward-officer")))];

    public static Unit UnitOf(string code) => Units().Single(unit => unit.Code == code);

    public static Plan Apply(Plan plan, params object[] events)
    {
        foreach (var e in events)
        {
            plan = (Plan)((dynamic)plan).Apply((dynamic)e);
        }

        return plan;
    }
}
