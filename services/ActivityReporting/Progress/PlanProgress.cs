using LearningWeek.ActivityReporting.Activities;
using LearningWeek.ActivityReporting.UnitReports;
using Marten.Events.Projections;

namespace LearningWeek.ActivityReporting.Progress;

/// <summary>Counts of activities, sessions and participants (by group).</summary>
public sealed class Totals
{
    public int ActivityReports { get; set; }

    public long Sessions { get; set; }

    public long Students { get; set; }

    public long TeachersAndStaff { get; set; }

    public long Parents { get; set; }

    public long Residents { get; set; }

    public long Members { get; set; }

    public ParticipantCounts Participants => new(Students, TeachersAndStaff, Parents, Residents, Members);

    public void Add(ActivityContent content, int sign)
    {
        ActivityReports += sign;
        Sessions += sign * content.Sessions;
        Students += sign * content.Participants.Students;
        TeachersAndStaff += sign * content.Participants.TeachersAndStaff;
        Parents += sign * content.Participants.Parents;
        Residents += sign * content.Participants.Residents;
        Members += sign * content.Participants.Members;
    }
}

/// <summary>
/// Where one unit stands on one plan: a document of its own (id "{planId}/{unitCode}"), so a
/// batch of the projection reads and writes only the units it has events of, however many
/// units the plan asks.
/// </summary>
public sealed class UnitProgress
{
    public string Id { get; set; } = "";

    public Guid PlanId { get; set; }

    public string UnitCode { get; set; } = "";

    public string Kind { get; set; } = "";

    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The unit has an obligation on the plan (false for a unit that reports voluntarily).</summary>
    public bool Obligated { get; set; }

    /// <summary>No longer expected (deactivated): left out of completeness and timeliness.</summary>
    public bool Withdrawn { get; set; }

    public int ActivityReports { get; set; }

    public DateTimeOffset? FirstSubmittedAt { get; set; }

    public DateTimeOffset? LastSubmittedAt { get; set; }

    /// <summary>Whether the first submission came before the due instant.</summary>
    public bool? OnTime { get; set; }

    public UnitReportStatus Status { get; set; } = UnitReportStatus.Open;

    public bool Expected => Obligated && !Withdrawn;

    public static string IdOf(Guid planId, string unitCode) => $"{planId:D}/{unitCode}";

    /// <summary>Names the document after the event it is built from (Marten creates it empty).</summary>
    internal UnitProgress Of(Guid planId, string unitCode, string kind = "")
    {
        Id = IdOf(planId, unitCode);
        PlanId = planId;
        UnitCode = unitCode;
        if (Kind.Length == 0)
        {
            Kind = kind;
        }

        return this;
    }
}

/// <summary>A plan's totals of activities by activity line, by day and in all: one small document per plan.</summary>
public sealed class PlanTotals
{
    public Guid Id { get; set; }

    public Dictionary<string, Totals> ByLine { get; set; } = [];

    /// <summary>By the day the activity was held (yyyy-MM-dd).</summary>
    public Dictionary<string, Totals> ByDay { get; set; } = [];

    public Totals All { get; set; } = new();

    public void Count(ActivityContent content, int sign)
    {
        All.Add(content, sign);
        Bucket(ByLine, content.LineCode).Add(content, sign);
        Bucket(ByDay, content.HeldOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Add(content, sign);
    }

    private static Totals Bucket(Dictionary<string, Totals> buckets, string key)
    {
        if (!buckets.TryGetValue(key, out var totals))
        {
            totals = new Totals();
            buckets[key] = totals;
        }

        return totals;
    }
}

/// <summary>
/// Tiến độ: a plan's reporting progress, per unit and in totals by activity line and by day, as
/// read from its two async projections; the shares (completeness, timeliness) are worked out when
/// read.
/// </summary>
public sealed record PlanProgress(IReadOnlyCollection<UnitProgress> Units, PlanTotals Totals);

/// <summary>The async projection of <see cref="UnitProgress"/>: one document per unit and plan.</summary>
public sealed class UnitProgressProjection : MultiStreamProjection<UnitProgress, string>
{
    public UnitProgressProjection()
    {
        Identity<ReportingObligationOpened>(e => UnitProgress.IdOf(e.PlanId, e.UnitCode));
        Identity<ReportingDueDateChanged>(e => UnitProgress.IdOf(e.PlanId, e.UnitCode));
        Identity<ReportingObligationWithdrawn>(e => UnitProgress.IdOf(e.PlanId, e.UnitCode));
        Identity<UnitReportSubmitted>(e => UnitProgress.IdOf(e.PlanId, e.UnitCode));
        Identity<UnitReportAccepted>(e => UnitProgress.IdOf(e.PlanId, e.UnitCode));
        Identity<UnitReportReturned>(e => UnitProgress.IdOf(e.PlanId, e.UnitCode));
        Identity<ActivityReported>(e => UnitProgress.IdOf(e.PlanId, e.UnitCode));
        Identity<ActivityReportWithdrawn>(e => UnitProgress.IdOf(e.PlanId, e.UnitCode));
    }

    public void Apply(ReportingObligationOpened e, UnitProgress unit)
    {
        unit.Of(e.PlanId, e.UnitCode, e.UnitKind);
        unit.Obligated = true;
        unit.DueAt = e.DueAt;
    }

    public void Apply(ReportingDueDateChanged e, UnitProgress unit) => unit.Of(e.PlanId, e.UnitCode).DueAt = e.DueAt;

    public void Apply(ReportingObligationWithdrawn e, UnitProgress unit)
    {
        unit.Of(e.PlanId, e.UnitCode);
        unit.Withdrawn = true;
        unit.Status = UnitReportStatus.Withdrawn;
    }

    public void Apply(UnitReportSubmitted e, UnitProgress unit)
    {
        unit.Of(e.PlanId, e.UnitCode, e.UnitKind);
        unit.FirstSubmittedAt ??= e.SubmittedAt;
        unit.OnTime ??= e.OnTime;
        unit.LastSubmittedAt = e.SubmittedAt;
        unit.Status = UnitReportStatus.Submitted;
    }

    public void Apply(UnitReportAccepted e, UnitProgress unit) => unit.Of(e.PlanId, e.UnitCode).Status = UnitReportStatus.Accepted;

    public void Apply(UnitReportReturned e, UnitProgress unit) => unit.Of(e.PlanId, e.UnitCode).Status = UnitReportStatus.Returned;

    public void Apply(ActivityReported e, UnitProgress unit) => unit.Of(e.PlanId, e.UnitCode, e.UnitKind).ActivityReports++;

    public void Apply(ActivityReportWithdrawn e, UnitProgress unit) => unit.Of(e.PlanId, e.UnitCode).ActivityReports--;
}

/// <summary>The async projection of <see cref="PlanTotals"/>: one document per plan.</summary>
public sealed class PlanTotalsProjection : MultiStreamProjection<PlanTotals, Guid>
{
    public PlanTotalsProjection()
    {
        Identity<ActivityReported>(e => e.PlanId);
        Identity<ActivityReportCorrected>(e => e.PlanId);
        Identity<ActivityReportWithdrawn>(e => e.PlanId);
    }

    public void Apply(ActivityReported e, PlanTotals totals)
    {
        totals.Id = e.PlanId;
        totals.Count(e.Content, +1);
    }

    public void Apply(ActivityReportCorrected e, PlanTotals totals)
    {
        totals.Id = e.PlanId;
        totals.Count(e.Previous, -1);
        totals.Count(e.Content, +1);
    }

    public void Apply(ActivityReportWithdrawn e, PlanTotals totals)
    {
        totals.Id = e.PlanId;
        totals.Count(e.Withdrawn, -1);
    }
}
