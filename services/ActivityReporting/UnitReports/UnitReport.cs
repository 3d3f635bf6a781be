using LearningWeek.ActivityReporting.Activities;
using LearningWeek.EventSourcing;

namespace LearningWeek.ActivityReporting.UnitReports;

/// <summary>Báo cáo kết quả: the narrative of a unit's summary report.</summary>
public sealed record Narrative(string Results, string? Highlights, string? Difficulties, string? Proposals);

/// <summary>The figures of a unit's activity reports at the moment it submits its summary.</summary>
public sealed record ReportFigures(int ActivityReports, long Sessions, ParticipantCounts Participants, IReadOnlyList<LineFigures> ByLine);

public sealed record LineFigures(string LineCode, int ActivityReports, long Sessions, ParticipantCounts Participants);

public enum UnitReportStatus
{
    /// <summary>Expected, not yet submitted.</summary>
    Open,

    /// <summary>Submitted, waiting for the ward's review.</summary>
    Submitted,

    /// <summary>Returned by the ward for correction.</summary>
    Returned,

    /// <summary>Accepted by the ward: final.</summary>
    Accepted,

    /// <summary>No longer expected (the unit was deactivated).</summary>
    Withdrawn,
}

/// <summary>A unit must report on a plan, by this instant (nghĩa vụ báo cáo).</summary>
public sealed record ReportingObligationOpened(Guid PlanId, string UnitCode, string UnitKind, string WardCode, DateTimeOffset DueAt, long SourceSequence, DateTimeOffset OpenedAt);

/// <summary>
/// A unit the plan does not ask to report (the Fatherland Front, a mass organisation) reports an
/// activity of its own accord: its activities count in the totals, and it is never missing or late.
/// Appended with the unit's first activity report on the plan.
/// </summary>
public sealed record VoluntaryReportingStarted(Guid PlanId, string UnitCode, string UnitKind, string WardCode, DateTimeOffset StartedAt, string StartedBy);

/// <summary>The plan's deadline moved (an amendment): the unit's report is due at a new instant.</summary>
public sealed record ReportingDueDateChanged(Guid PlanId, string UnitCode, DateTimeOffset DueAt, long SourceSequence, DateTimeOffset ChangedAt);

/// <summary>The unit is no longer expected to report (deactivated).</summary>
public sealed record ReportingObligationWithdrawn(Guid PlanId, string UnitCode, string Reason, long SourceSequence, DateTimeOffset WithdrawnAt);

public sealed record UnitReportSubmitted(
    Guid PlanId, string UnitCode, string UnitKind, string WardCode, int Revision, Narrative Narrative, ReportFigures Figures,
    DateTimeOffset DueAt, bool OnTime, DateTimeOffset SubmittedAt, string SubmittedBy);

public sealed record UnitReportAccepted(Guid PlanId, string UnitCode, string WardCode, int Revision, string? Note, DateTimeOffset AcceptedAt, string AcceptedBy);

public sealed record UnitReportReturned(Guid PlanId, string UnitCode, string WardCode, int Revision, string Reason, DateTimeOffset ReturnedAt, string ReturnedBy);

/// <summary>One submission of a unit's report, and what the ward said of it.</summary>
/// <summary>One submission of the report and its review: who submitted it, who reviewed it, with what note or reason.</summary>
public sealed record Submission(
    int Revision, DateTimeOffset SubmittedAt, bool OnTime, string? Outcome, string? ReturnReason, DateTimeOffset? ReviewedAt,
    string? SubmittedBy = null, string? ReviewedBy = null, string? ReviewNote = null);

/// <summary>
/// A unit's reporting on one plan, from the obligation to the accepted report: one stream per plan
/// and unit. Also the read model (an inline snapshot).
/// </summary>
public sealed record UnitReport(
    Guid Id,
    Guid PlanId,
    string UnitCode,
    string UnitKind,
    string WardCode,
    DateTimeOffset DueAt,
    long DueSequence,
    UnitReportStatus Status,
    int Revision,
    Narrative? Narrative,
    ReportFigures? Figures,
    DateTimeOffset? FirstSubmittedAt,
    bool? FirstOnTime,
    IReadOnlyList<Submission> Submissions)
{
    public long Version { get; set; }

    /// <summary>The unit reports of its own accord: no summary report is due from it.</summary>
    public bool Voluntary { get; init; }

    public static Guid StreamId(Guid planId, string unitCode) => StreamIds.For("unit-report", planId.ToString(), unitCode);

    public static UnitReport Create(ReportingObligationOpened e) =>
        new(StreamId(e.PlanId, e.UnitCode), e.PlanId, e.UnitCode, e.UnitKind, e.WardCode, e.DueAt, e.SourceSequence,
            UnitReportStatus.Open, 0, null, null, null, null, []);

    public static UnitReport Create(VoluntaryReportingStarted e) =>
        new(StreamId(e.PlanId, e.UnitCode), e.PlanId, e.UnitCode, e.UnitKind, e.WardCode, default, 0,
            UnitReportStatus.Open, 0, null, null, null, null, [])
        {
            Voluntary = true,
        };

    /// <summary>A unit that reported voluntarily became one the plan expects (registered as such later).</summary>
    public UnitReport Apply(ReportingObligationOpened e) => this with { Voluntary = false, DueAt = e.DueAt, DueSequence = e.SourceSequence };

    public UnitReport Apply(ReportingDueDateChanged e) => this with { DueAt = e.DueAt, DueSequence = e.SourceSequence };

    public UnitReport Apply(ReportingObligationWithdrawn _) => this with { Status = UnitReportStatus.Withdrawn };

    public UnitReport Apply(UnitReportSubmitted e) => this with
    {
        Status = UnitReportStatus.Submitted,
        Revision = e.Revision,
        Narrative = e.Narrative,
        Figures = e.Figures,
        FirstSubmittedAt = FirstSubmittedAt ?? e.SubmittedAt,
        FirstOnTime = FirstOnTime ?? e.OnTime,
        Submissions = [.. Submissions, new Submission(e.Revision, e.SubmittedAt, e.OnTime, null, null, null, e.SubmittedBy)],
    };

    public UnitReport Apply(UnitReportAccepted e) => this with
    {
        Status = UnitReportStatus.Accepted,
        Submissions = [.. Submissions.Select(s => s.Revision == e.Revision ? s with { Outcome = "accepted", ReviewedAt = e.AcceptedAt, ReviewedBy = e.AcceptedBy, ReviewNote = e.Note } : s)],
    };

    public UnitReport Apply(UnitReportReturned e) => this with
    {
        Status = UnitReportStatus.Returned,
        Submissions = [.. Submissions.Select(s => s.Revision == e.Revision ? s with { Outcome = "returned", ReturnReason = e.Reason, ReviewedAt = e.ReturnedAt, ReviewedBy = e.ReturnedBy } : s)],
    };

    /// <summary>Activity reports of the unit may still change: its report is not accepted (nor withdrawn).</summary>
    public bool AcceptsActivityChanges => Status is UnitReportStatus.Open or UnitReportStatus.Submitted or UnitReportStatus.Returned;
}
