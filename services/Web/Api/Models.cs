namespace LearningWeek.Web.Api;

// The parts of the API's answers the pages show (the API's JSON, camelCase; unknown fields ignored).

public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

public sealed record PlanSummary(Guid Id, string WardCode, string Status, string? Number, string Title, int Year, PlanPeriod? Period, DateTimeOffset? IssuedAt);

public sealed record PlanPeriod(DateOnly Start, DateOnly End, string Text);

public sealed record PlanDeadlines(
    DateOnly UnitsReportBefore, DateTimeOffset UnitsReportDueAt, string UnitsReportText,
    DateOnly WardReportBefore, DateTimeOffset WardReportDueAt, string WardReportText);

public sealed record ActivityLine(string Code, string Title, string? Description, IReadOnlyList<string> SuggestedFormats, IReadOnlyList<string> TargetKinds);

public sealed record Plan(
    Guid Id, string WardCode, string Status, string? Number, string Title, int Year, string IssuingBody, string Theme,
    PlanPeriod? Period, PlanDeadlines? Deadlines, IReadOnlyList<ActivityLine> ActivityLines, DateTimeOffset? IssuedAt);

public sealed record Participants(int Students, int TeachersAndStaff, int Parents, int Residents, int Members, int Total);

public sealed record Rates(int Expected, int Submitted, int OnTime, int Late, int Accepted, int Returned, int NotSubmitted, double Completeness, double Timeliness);

public sealed record KindRates(string Kind, string KindName, Rates Rates);

public sealed record UnitProgress(
    string UnitCode, string UnitName, string Kind, bool Expected, DateTimeOffset? DueAt, int ActivityReports,
    DateTimeOffset? SubmittedAt, bool? OnTime, string Status)
{
    /// <summary>Expected and not submitted: missing (late once the due instant has passed).</summary>
    public bool Missing => Expected && SubmittedAt is null;
}

public sealed record LineTotals(string LineCode, string Title, int ActivityReports, int Sessions, Participants Participants, int ParticipantsTotal);

public sealed record DayTotals(DateOnly Day, string DayText, int ActivityReports, int Sessions, Participants Participants, int ParticipantsTotal);

public sealed record Progress(
    Guid PlanId, string Title, string WardCode, DateTimeOffset UnitsReportDueAt, string UnitsReportText,
    Rates Ward, IReadOnlyList<KindRates> ByKind, IReadOnlyList<UnitProgress> Units,
    IReadOnlyList<LineTotals> ByLine, IReadOnlyList<DayTotals> ByDay,
    int ActivityReports, int Sessions, Participants Participants, int ParticipantsTotal);

public sealed record Narrative(string Results, string? Highlights, string? Difficulties, string? Proposals);

public sealed record Submission(
    int Revision, DateTimeOffset SubmittedAt, bool OnTime, string? Outcome, string? ReturnReason, DateTimeOffset? ReviewedAt,
    string? SubmittedBy, string? ReviewedBy, string? ReviewNote);

public sealed record UnitReport(
    Guid PlanId, string UnitCode, string UnitKind, string WardCode, DateTimeOffset DueAt, string DueText, string Status, int Revision,
    Narrative? Narrative, DateTimeOffset? FirstSubmittedAt, bool? OnTime, IReadOnlyList<Submission> Submissions, int Version);

public sealed record Evidence(string Url, string Caption);

public sealed record ActivityContent(
    string LineCode, string Title, DateOnly HeldOn, string? OutsidePeriodReason, string Location, IReadOnlyList<string> Formats,
    Participants Participants, int Sessions, IReadOnlyList<Evidence> Evidence, string? Notes);

public sealed record ActivityRevision(int Revision, DateTimeOffset At, string By, ActivityContent Content);

public sealed record Activity(
    Guid Id, Guid PlanId, string UnitCode, string LineCode, string Title, DateOnly HeldOn, string HeldOnText, string Location,
    IReadOnlyList<string> Formats, Participants Participants, int Sessions, IReadOnlyList<Evidence> Evidence, string? Notes,
    int Revision, bool Withdrawn, string? WithdrawalReason, DateTimeOffset ReportedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<ActivityRevision> History, int Version);

public sealed record Unit(string Code, string Name, string Kind, string WardCode, bool Active);

public sealed record FeedItem(long Sequence, Guid EventId, string Type, DateTimeOffset OccurredAt, System.Text.Json.JsonElement Data);

public sealed record FeedPage(IReadOnlyList<FeedItem> Items, long Next, bool More);
