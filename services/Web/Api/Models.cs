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

public sealed record Participants(long Students, long TeachersAndStaff, long Parents, long Residents, long Members, long Total);

public sealed record Rates(int Expected, int Submitted, int OnTime, int Late, int Accepted, int Returned, int NotSubmitted, double Completeness, double Timeliness);

public sealed record KindRates(string Kind, string KindName, Rates Rates);

public sealed record UnitProgress(
    string UnitCode, string UnitName, string Kind, bool Expected, DateTimeOffset? DueAt, int ActivityReports,
    DateTimeOffset? SubmittedAt, bool? OnTime, string Status, bool Voluntary = false)
{
    /// <summary>Expected and not submitted: missing (late once the due instant has passed).</summary>
    public bool Missing => Expected && SubmittedAt is null;
}

public sealed record LineTotals(string LineCode, string Title, int ActivityReports, long Sessions, Participants Participants, long ParticipantsTotal);

public sealed record DayTotals(DateOnly Day, string DayText, int ActivityReports, long Sessions, Participants Participants, long ParticipantsTotal);

public sealed record Progress(
    Guid PlanId, string Title, string WardCode, DateTimeOffset UnitsReportDueAt, string UnitsReportText,
    Rates Ward, IReadOnlyList<KindRates> ByKind, IReadOnlyList<UnitProgress> Units,
    IReadOnlyList<LineTotals> ByLine, IReadOnlyList<DayTotals> ByDay,
    int ActivityReports, long Sessions, Participants Participants, long ParticipantsTotal);

public sealed record Narrative(string Results, string? Highlights, string? Difficulties, string? Proposals);

public sealed record Submission(
    int Revision, DateTimeOffset SubmittedAt, bool OnTime, string? Outcome, string? ReturnReason, DateTimeOffset? ReviewedAt,
    string? SubmittedBy, string? ReviewedBy, string? ReviewNote);

public sealed record UnitReport(
    Guid PlanId, string UnitCode, string UnitKind, string WardCode, DateTimeOffset DueAt, string DueText, string Status, int Revision,
    Narrative? Narrative, DateTimeOffset? FirstSubmittedAt, bool? OnTime, IReadOnlyList<Submission> Submissions, int Version);

public sealed record Evidence(string Url, string Caption);

public sealed record ActivityRevision(int Revision, DateTimeOffset At, string By, string Title);

public sealed record Activity(
    Guid Id, Guid PlanId, string UnitCode, string LineCode, string Title, DateOnly HeldOn, string HeldOnText, string Location,
    IReadOnlyList<string> Formats, Participants Participants, int Sessions, IReadOnlyList<Evidence> Evidence, string? Notes,
    int Revision, bool Withdrawn, string? WithdrawalReason, DateTimeOffset ReportedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<ActivityRevision> History, int Version);

public sealed record Unit(string Code, string Name, string Kind, string WardCode, bool Active);

/// <summary>An item of a service's feed: a CloudEvent (type e.g. <c>learningweek.planning.plan-issued.v1</c>).</summary>
public sealed record FeedItem(string Id, string Type, DateTimeOffset Time, string Sequence, System.Text.Json.JsonElement Data)
{
    public long Position => long.Parse(Sequence, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The contract's name without prefix, service and version: <c>plan-issued</c>.</summary>
    public string Name => Type.Split('.') is [_, _, var name, _] ? name : Type;
}

public sealed record FeedPage(IReadOnlyList<FeedItem> Items, long Next, bool More);

public sealed record WardReportContent(string? Number, DateOnly ReportDate, string Title, string PlanTitle, string PeriodText, Progress Figures, string? Assessment, string? Proposals);

public sealed record WardReport(
    Guid PlanId, string WardCode, string Status, int Revision, WardReportContent Content,
    DateTimeOffset CompiledAt, DateTimeOffset? SubmittedAt, bool? OnTime, string DocumentUrl, int Version);

public sealed record Figures(long Pledged, long Received, long Allocated, long Balance, long Outstanding, long Withdrawn);

public sealed record LedgerTotals(int Pledges, int CancelledPledges, Figures CashVnd, Figures InKindValueVnd, Figures Books, Figures Equipment, Figures DigitalResources);

public sealed record LedgerByDonorKind(string Kind, string Name, int Pledges, Figures CashVnd, Figures InKindValueVnd);

public sealed record LedgerByBeneficiary(string? UnitCode, string UnitName, int Pledges, Figures CashVnd, Figures InKindValueVnd);

public sealed record LedgerByBookshelf(Guid BookshelfId, string Name, string Location, string HostUnitCode, string? Kind, long CashVnd, long Books, long Equipment, long DigitalResources, long InKindValueVnd);

public sealed record LedgerSection(LedgerTotals Totals, IReadOnlyList<LedgerByDonorKind> ByDonorKind, IReadOnlyList<LedgerByBeneficiary> ByBeneficiary, IReadOnlyList<LedgerByBookshelf> ByBookshelf);

public sealed record LedgerLine(Guid PledgeId, string DonorKind, string Donor, string GiftKind, string Description, string? BeneficiaryUnitCode, string PledgedOnText, Figures Quantity, Figures ValueVnd, bool Cancelled);

public sealed record LedgerFund(string FundKey, Guid? PlanId, string WardCode, string Title, string? UpdatedAtText, LedgerSection Summary, IReadOnlyList<LedgerLine> Lines, string? NextLines);

public sealed record Ledger(string Note, LedgerSection Overall, IReadOnlyList<LedgerFund> Funds, bool More, string? Next);

public sealed record DigitalResource(Guid Id, string Title, string Url, string Kind, DateTimeOffset AddedAt);

public sealed record Bookshelf(
    Guid Id, Guid? PlanId, string WardCode, string HostUnitCode, string Kind, string Name, string Location, string EstablishedOnText,
    long PhysicalBooks, IReadOnlyList<DigitalResource> DigitalResources, long DonatedMoneyVnd, long DonatedEquipment, long DonatedInKindValueVnd, int Version);

public sealed record Donor(string Kind, string Name, string? Contact);

public sealed record Gift(string Kind, string Description, long Quantity, long EstimatedValueVnd);

public sealed record Pledge(
    Guid Id, Guid? PlanId, Donor Donor, Gift Gift, string? BeneficiaryUnitCode, Guid? BookshelfId, string PledgedAtText,
    long Received, long ReceivedValueVnd, long Allocated, long AllocatedValueVnd, long Unallocated, long Outstanding, bool Cancelled, int Version);

public sealed record StaffAccount(
    string UserName, string DisplayName, string Role, string? WardCode, string? UnitCode, bool Disabled,
    DateTimeOffset? LockedOutUntil, DateTimeOffset CreatedAt, string? CreatedBy, string ManagedBy);

public sealed record StaffAccountCreated(StaffAccount Account, string Password);

public sealed record UnitClient(string ClientId, string DisplayName, string? UnitCode, string? WardCode, bool Disabled, string ManagedBy);

public sealed record ClientSecretIssued(UnitClient Client, string ClientSecret);
