using LearningWeek.EventSourcing;

namespace LearningWeek.Planning.UnitPlans;

/// <summary>Participants a unit expects at an activity, by group.</summary>
public sealed record Participants(int Students, int TeachersAndStaff, int Parents, int Residents, int Members)
{
    public int Total => Students + TeachersAndStaff + Parents + Residents + Members;
}

/// <summary>One planned activity: under which line of the ward plan, what, on which days.</summary>
public sealed record UnitPlanItem(string LineCode, string Title, string? Description, DateOnly From, DateOnly To, Participants ExpectedParticipants);

/// <summary>Kế hoạch của đơn vị: submitted (again and again: each revision replaces the last, and all are kept).</summary>
public sealed record UnitPlanSubmitted(
    Guid UnitPlanId, Guid PlanId, string UnitCode, string WardCode, int Revision, IReadOnlyList<UnitPlanItem> Items, DateTimeOffset SubmittedAt, string SubmittedBy);

/// <summary>A revision of a unit's plan, as kept in its history.</summary>
public sealed record UnitPlanRevision(int Revision, DateTimeOffset SubmittedAt, string SubmittedBy, int ItemCount);

/// <summary>A unit's plan under a ward plan: the current revision and the history; also the read model.</summary>
public sealed record UnitPlan(
    Guid Id,
    Guid PlanId,
    string UnitCode,
    string WardCode,
    int Revision,
    IReadOnlyList<UnitPlanItem> Items,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<UnitPlanRevision> History)
{
    public long Version { get; set; }

    /// <summary>One stream per unit and plan.</summary>
    public static Guid StreamId(Guid planId, string unitCode) => StreamIds.For("unit-plan", planId.ToString(), unitCode);

    public static UnitPlan Create(UnitPlanSubmitted e) =>
        new(e.UnitPlanId, e.PlanId, e.UnitCode, e.WardCode, e.Revision, e.Items, e.SubmittedAt, [RevisionOf(e)]);

    public UnitPlan Apply(UnitPlanSubmitted e) =>
        this with { Revision = e.Revision, Items = e.Items, SubmittedAt = e.SubmittedAt, History = [.. History, RevisionOf(e)] };

    private static UnitPlanRevision RevisionOf(UnitPlanSubmitted e) => new(e.Revision, e.SubmittedAt, e.SubmittedBy, e.Items.Count);
}
