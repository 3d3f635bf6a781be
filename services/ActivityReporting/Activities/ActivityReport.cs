
namespace LearningWeek.ActivityReporting.Activities;

/// <summary>Minh chứng: a link to evidence (photos, a news item, a document) with a caption.</summary>
public sealed record Evidence(string Url, string Caption);

/// <summary>What a unit says about an activity it held.</summary>
public sealed record ActivityContent(
    string LineCode,
    string Title,
    DateOnly HeldOn,
    string? OutsidePeriodReason,
    string Location,
    IReadOnlyList<string> Formats,
    ParticipantCounts Participants,
    int Sessions,
    IReadOnlyList<Evidence> Evidence,
    string? Notes);

public sealed record ActivityReported(Guid ReportId, Guid PlanId, string UnitCode, string UnitKind, string WardCode, ActivityContent Content, DateTimeOffset ReportedAt, string ReportedBy);

/// <summary>A correction: the content now, and (so the progress can take the old figures out) the content before.</summary>
public sealed record ActivityReportCorrected(
    Guid ReportId, Guid PlanId, string UnitCode, string WardCode, int Revision, ActivityContent Content, ActivityContent Previous, DateTimeOffset CorrectedAt, string CorrectedBy);

/// <summary>A withdrawal, with the content withdrawn (it no longer counts).</summary>
public sealed record ActivityReportWithdrawn(
    Guid ReportId, Guid PlanId, string UnitCode, string WardCode, string? Reason, ActivityContent Withdrawn, DateTimeOffset WithdrawnAt, string WithdrawnBy);

/// <summary>
/// A revision of an activity report in its history: when, by whom, under which title. The stored
/// report keeps no content but the current one (a correction must not copy every earlier one);
/// <c>GET /activities/{id}</c> fills in each revision's content from the report's events.
/// </summary>
public sealed record ActivityRevision(int Revision, DateTimeOffset At, string By, string Title, ActivityContent? Content = null);

/// <summary>An activity report (báo cáo hoạt động) with its history; also the read model (an inline snapshot).</summary>
public sealed record ActivityReport(
    Guid Id,
    Guid PlanId,
    string UnitCode,
    string UnitKind,
    string WardCode,
    ActivityContent Content,
    int Revision,
    bool Withdrawn,
    string? WithdrawalReason,
    DateTimeOffset ReportedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ActivityRevision> History)
{
    public long Version { get; set; }

    public static ActivityReport Create(ActivityReported e) =>
        new(e.ReportId, e.PlanId, e.UnitCode, e.UnitKind, e.WardCode, e.Content, 1, false, null, e.ReportedAt, e.ReportedAt,
            [new ActivityRevision(1, e.ReportedAt, e.ReportedBy, e.Content.Title)]);

    public ActivityReport Apply(ActivityReportCorrected e) => this with
    {
        Content = e.Content,
        Revision = e.Revision,
        UpdatedAt = e.CorrectedAt,
        History = [.. History, new ActivityRevision(e.Revision, e.CorrectedAt, e.CorrectedBy, e.Content.Title)],
    };

    public ActivityReport Apply(ActivityReportWithdrawn e) => this with { Withdrawn = true, WithdrawalReason = e.Reason, UpdatedAt = e.WithdrawnAt };
}
