using LearningWeek.ActivityReporting.Activities;
using LearningWeek.ActivityReporting.UnitReports;
using Marten.Events.Projections;

namespace LearningWeek.ActivityReporting.Progress;

/// <summary>Counts of activities, sessions and participants (by group).</summary>
public sealed class Totals
{
    public int ActivityReports { get; set; }

    public int Sessions { get; set; }

    public int Students { get; set; }

    public int TeachersAndStaff { get; set; }

    public int Parents { get; set; }

    public int Residents { get; set; }

    public int Members { get; set; }

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

/// <summary>Where one unit stands on one plan.</summary>
public sealed class UnitProgress
{
    public string UnitCode { get; set; } = "";

    public string Kind { get; set; } = "";

    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The unit has an obligation on the plan (false for a unit that reports without one, which does not happen through the API).</summary>
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
}

/// <summary>
/// Tiến độ: a plan's reporting progress, per unit and in totals by activity line and by day.
/// Built by an async projection from the units' reports and activity reports; the shares
/// (completeness, timeliness) are worked out when read.
/// </summary>
public sealed class PlanProgress
{
    public Guid Id { get; set; }

    public Dictionary<string, UnitProgress> Units { get; set; } = [];

    public Dictionary<string, Totals> ByLine { get; set; } = [];

    /// <summary>By the day the activity was held (yyyy-MM-dd).</summary>
    public Dictionary<string, Totals> ByDay { get; set; } = [];

    public Totals All { get; set; } = new();

    public long LastSequence { get; set; }

    public UnitProgress Unit(string code, string kind)
    {
        if (!Units.TryGetValue(code, out var unit))
        {
            unit = new UnitProgress { UnitCode = code, Kind = kind };
            Units[code] = unit;
        }

        return unit;
    }

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

/// <summary>The async projection of <see cref="PlanProgress"/>, one document per plan.</summary>
public sealed class PlanProgressProjection : MultiStreamProjection<PlanProgress, Guid>
{
    public PlanProgressProjection()
    {
        Identity<ReportingObligationOpened>(e => e.PlanId);
        Identity<ReportingDueDateChanged>(e => e.PlanId);
        Identity<ReportingObligationWithdrawn>(e => e.PlanId);
        Identity<UnitReportSubmitted>(e => e.PlanId);
        Identity<UnitReportAccepted>(e => e.PlanId);
        Identity<UnitReportReturned>(e => e.PlanId);
        Identity<ActivityReported>(e => e.PlanId);
        Identity<ActivityReportCorrected>(e => e.PlanId);
        Identity<ActivityReportWithdrawn>(e => e.PlanId);
    }

    public void Apply(ReportingObligationOpened e, PlanProgress progress)
    {
        var unit = progress.Unit(e.UnitCode, e.UnitKind);
        unit.Obligated = true;
        unit.DueAt = e.DueAt;
    }

    public void Apply(ReportingDueDateChanged e, PlanProgress progress) => progress.Unit(e.UnitCode, "").DueAt = e.DueAt;

    public void Apply(ReportingObligationWithdrawn e, PlanProgress progress)
    {
        var unit = progress.Unit(e.UnitCode, "");
        unit.Withdrawn = true;
        unit.Status = UnitReportStatus.Withdrawn;
    }

    public void Apply(UnitReportSubmitted e, PlanProgress progress)
    {
        var unit = progress.Unit(e.UnitCode, e.UnitKind);
        unit.FirstSubmittedAt ??= e.SubmittedAt;
        unit.OnTime ??= e.OnTime;
        unit.LastSubmittedAt = e.SubmittedAt;
        unit.Status = UnitReportStatus.Submitted;
    }

    public void Apply(UnitReportAccepted e, PlanProgress progress) => progress.Unit(e.UnitCode, "").Status = UnitReportStatus.Accepted;

    public void Apply(UnitReportReturned e, PlanProgress progress) => progress.Unit(e.UnitCode, "").Status = UnitReportStatus.Returned;

    public void Apply(ActivityReported e, PlanProgress progress)
    {
        progress.Unit(e.UnitCode, e.UnitKind).ActivityReports++;
        progress.Count(e.Content, +1);
    }

    public void Apply(ActivityReportCorrected e, PlanProgress progress)
    {
        progress.Count(e.Previous, -1);
        progress.Count(e.Content, +1);
    }

    public void Apply(ActivityReportWithdrawn e, PlanProgress progress)
    {
        progress.Unit(e.UnitCode, "").ActivityReports--;
        progress.Count(e.Withdrawn, -1);
    }
}
