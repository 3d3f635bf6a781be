using LearningWeek.ActivityReporting.LibraryFund;
using LearningWeek.ActivityReporting.Plans;
using LearningWeek.ActivityReporting.Progress;
using LearningWeek.ActivityReporting.Activities;
using LearningWeek.EventSourcing;

namespace LearningWeek.ActivityReporting.WardReports;

/// <summary>What a unit wrote in its accepted report, quoted in the ward's summary.</summary>
public sealed record UnitQuote(string UnitCode, string UnitName, string Text);

/// <summary>
/// Báo cáo tổng hợp: everything the ward's summary report says, fixed at compilation: the header
/// (bodies, number, place and date), the plan it reports on, the progress figures, the
/// Library-Fund figures (3.5), what the units highlighted and proposed, the officer's own
/// assessment and proposals, the recipients and the signature.
/// </summary>
public sealed record WardReportContent(
    string? Number,
    string ParentAuthority,
    string IssuingBody,
    string Place,
    DateOnly ReportDate,
    string Title,
    string PlanTitle,
    string? PlanNumber,
    DateOnly? PlanIssuedOn,
    string PeriodText,
    ProgressResponse Figures,
    FundSnapshot LibraryFund,
    IReadOnlyList<UnitQuote> Highlights,
    IReadOnlyList<UnitQuote> Difficulties,
    IReadOnlyList<UnitQuote> UnitProposals,
    string? Assessment,
    string? Proposals,
    IReadOnlyList<string> Recipients,
    Signature Signature)
{
    /// <summary>The city's decision the ward's plan carries out (null for a plan issued before it was known).</summary>
    public CityDecision? CityDecision { get; init; }
}

public sealed record WardReportCompiled(Guid PlanId, string WardCode, int Revision, WardReportContent Content, DateTimeOffset CompiledAt, string CompiledBy);

/// <summary>The headline figures a submitted ward report states, as stored (the contract has its own record).</summary>
public sealed record WardReportTotals(
    int UnitsExpected,
    int UnitsSubmitted,
    int UnitsOnTime,
    int UnitsAccepted,
    int ActivityReports,
    long Sessions,
    ParticipantCounts Participants,
    long LibraryFundReceivedVnd,
    long LibraryFundBooksReceived);

/// <summary>The report went to the Department, with its headline figures.</summary>
public sealed record WardReportSubmitted(
    Guid PlanId, string WardCode, int Revision, string? Number, DateTimeOffset DueAt, bool OnTime, WardReportTotals Totals, DateTimeOffset SubmittedAt, string SubmittedBy);

public enum WardReportStatus
{
    /// <summary>Compiled, under review; compiling again replaces it.</summary>
    Draft,

    /// <summary>Sent to the Department of Education: frozen.</summary>
    Submitted,
}

/// <summary>The ward's summary report on a plan; also the read model (an inline snapshot).</summary>
public sealed record WardReport(
    Guid Id,
    Guid PlanId,
    string WardCode,
    WardReportStatus Status,
    int Revision,
    WardReportContent Content,
    DateTimeOffset CompiledAt,
    DateTimeOffset? SubmittedAt,
    bool? OnTime)
{
    public long Version { get; set; }

    public static Guid StreamId(Guid planId) => StreamIds.For("ward-report", planId.ToString());

    public static WardReport Create(WardReportCompiled e) =>
        new(StreamId(e.PlanId), e.PlanId, e.WardCode, WardReportStatus.Draft, e.Revision, e.Content, e.CompiledAt, null, null);

    public WardReport Apply(WardReportCompiled e) => this with { Revision = e.Revision, Content = e.Content, CompiledAt = e.CompiledAt };

    /// <summary>The headline figures the submission states.</summary>
    public WardReportTotals Totals => new(
        Content.Figures.Ward.Expected, Content.Figures.Ward.Submitted, Content.Figures.Ward.OnTime, Content.Figures.Ward.Accepted,
        Content.Figures.ActivityReports, Content.Figures.Sessions, Content.Figures.Participants, Content.LibraryFund.ReceivedVnd, Content.LibraryFund.BooksReceived);

    public WardReport Apply(WardReportSubmitted e) => this with { Status = WardReportStatus.Submitted, SubmittedAt = e.SubmittedAt, OnTime = e.OnTime };
}
