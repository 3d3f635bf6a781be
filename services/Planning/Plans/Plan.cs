using LearningWeek.EventSourcing;
using LearningWeek.Planning.Units;

namespace LearningWeek.Planning.Plans;

public enum PlanStatus
{
    /// <summary>Dự thảo: can be edited.</summary>
    Draft,

    /// <summary>Đã ban hành: frozen; changed only by amendments.</summary>
    Issued,

    /// <summary>Đã kết thúc.</summary>
    Closed,
}

/// <summary>Căn cứ: the decision a plan carries out (e.g. Quyết định số 3929/QĐ-UBND ngày 01/10/2025 của UBND thành phố Hải Phòng).</summary>
public sealed record LegalBasis(string DecisionNumber, DateOnly DecisionDate, string Issuer);

/// <summary>Thời gian tổ chức: days in Vietnam, both inclusive.</summary>
public sealed record Period(DateOnly Start, DateOnly End);

/// <summary>
/// Thời hạn báo cáo, as the plan writes them: "trước ngày D" for the units' reports to the ward
/// and for the ward's report to the Department; each is due at 00:00 of D, Vietnam time.
/// </summary>
public sealed record Deadlines(DateOnly UnitsReportBefore, DateOnly WardReportBefore)
{
    public DateTimeOffset UnitsReportDueAt => VietnamTime.StartOf(UnitsReportBefore);

    public DateTimeOffset WardReportDueAt => VietnamTime.StartOf(WardReportBefore);
}

/// <summary>Nơi ký: TM. UỶ BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Đức Dũng.</summary>
public sealed record SignatureBlock(string Authority, string? OnBehalfOf, string Position, string Signer);

/// <summary>What a ward officer writes in a plan's header; edited freely while the plan is a draft.</summary>
public sealed record PlanContent(
    string Title,
    int Year,
    string IssuingBody,
    string Place,
    LegalBasis LegalBasis,
    Guid? ParentPlanId,
    IReadOnlyList<string> Purposes,
    string Theme,
    Period? Period,
    Deadlines? Deadlines,
    IReadOnlyList<string> Recipients,
    SignatureBlock? Signature);

/// <summary>Hoạt động (II.3 of the plan): a line units report against, by its code ("3.2").</summary>
public sealed record ActivityLine(
    string Code, string Title, string? Description, IReadOnlyList<string> SuggestedFormats, IReadOnlyList<UnitKind> TargetKinds)
{
    /// <summary>A line with no target kinds is for every kind of unit.</summary>
    public bool Targets(UnitKind kind) => TargetKinds.Count == 0 || TargetKinds.Contains(kind);
}

/// <summary>To whom a responsibility's audience reports.</summary>
public enum Reporting
{
    /// <summary>No report expected.</summary>
    None,

    /// <summary>Reports to the ward by the units' deadline (các đơn vị báo cáo về UBND phường).</summary>
    ToWard,

    /// <summary>Reports to the Department by the ward's deadline (the Culture-Social Office itself).</summary>
    ToDepartment,
}

/// <summary>Tổ chức thực hiện: an audience (kinds of unit and/or named units), its duties, and its reporting.</summary>
public sealed record Responsibility(
    string Title, IReadOnlyList<UnitKind> Kinds, IReadOnlyList<string> UnitCodes, IReadOnlyList<string> Duties, Reporting Reporting)
{
    public bool Covers(string unitCode, UnitKind kind) => Kinds.Contains(kind) || UnitCodes.Contains(unitCode);
}

/// <summary>A unit that must report on an issued plan, and the day before which its report is due.</summary>
public sealed record TargetUnit(string UnitCode, UnitKind Kind, DateOnly ReportBefore);

/// <summary>Sửa đổi: a numbered change to an issued plan, with its reason.</summary>
public sealed record Amendment(int Number, string Reason, Deadlines Deadlines, IReadOnlyList<string> AddedLineCodes, DateTimeOffset AmendedAt, string AmendedBy);

public sealed record PlanDrafted(Guid PlanId, string WardCode, PlanContent Content, DateTimeOffset DraftedAt, string DraftedBy);

public sealed record PlanDraftRevised(Guid PlanId, PlanContent Content, DateTimeOffset RevisedAt, string RevisedBy);

public sealed record ActivityLineAdded(Guid PlanId, ActivityLine Line, DateTimeOffset AddedAt, string AddedBy);

public sealed record ActivityLineRemoved(Guid PlanId, string Code, DateTimeOffset RemovedAt, string RemovedBy);

public sealed record ResponsibilityAssigned(Guid PlanId, Responsibility Responsibility, DateTimeOffset AssignedAt, string AssignedBy);

/// <summary>The plan as issued, frozen: its content, lines, responsibilities and the units that must report.</summary>
public sealed record PlanIssued(
    Guid PlanId,
    string WardCode,
    string? Number,
    PlanContent Content,
    IReadOnlyList<ActivityLine> ActivityLines,
    IReadOnlyList<Responsibility> Responsibilities,
    IReadOnlyList<TargetUnit> TargetUnits,
    DateTimeOffset IssuedAt,
    string IssuedBy);

/// <summary>
/// An amendment: the deadlines after it, the lines it added, and (so that the event alone tells a
/// subscriber the plan as it now stands) all lines and responsibilities after it.
/// </summary>
public sealed record PlanAmended(
    Guid PlanId,
    string WardCode,
    int Number,
    string Reason,
    Deadlines Deadlines,
    IReadOnlyList<ActivityLine> AddedLines,
    IReadOnlyList<ActivityLine> ActivityLines,
    IReadOnlyList<Responsibility> Responsibilities,
    DateTimeOffset AmendedAt,
    string AmendedBy);

public sealed record PlanClosed(Guid PlanId, string WardCode, string? Reason, DateTimeOffset ClosedAt, string ClosedBy);

/// <summary>A plan as its stream tells it; also the read model (an inline snapshot).</summary>
public sealed record Plan(
    Guid Id,
    string WardCode,
    PlanStatus Status,
    PlanContent Content,
    IReadOnlyList<ActivityLine> ActivityLines,
    IReadOnlyList<Responsibility> Responsibilities,
    IReadOnlyList<TargetUnit> TargetUnits,
    IReadOnlyList<Amendment> Amendments,
    string? Number,
    DateTimeOffset DraftedAt,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? ClosedAt,
    string? ClosingReason)
{
    public long Version { get; set; }

    public static Plan Create(PlanDrafted e) =>
        new(e.PlanId, e.WardCode, PlanStatus.Draft, e.Content, [], [], [], [], Number: null, e.DraftedAt, IssuedAt: null, ClosedAt: null, ClosingReason: null);

    public Plan Apply(PlanDraftRevised e) => this with { Content = e.Content };

    public Plan Apply(ActivityLineAdded e) => this with { ActivityLines = [.. ActivityLines, e.Line] };

    public Plan Apply(ActivityLineRemoved e) => this with { ActivityLines = [.. ActivityLines.Where(line => line.Code != e.Code)] };

    public Plan Apply(ResponsibilityAssigned e) => this with { Responsibilities = [.. Responsibilities, e.Responsibility] };

    public Plan Apply(PlanIssued e) => this with
    {
        Status = PlanStatus.Issued,
        Number = e.Number,
        Content = e.Content,
        ActivityLines = e.ActivityLines,
        Responsibilities = e.Responsibilities,
        TargetUnits = e.TargetUnits,
        IssuedAt = e.IssuedAt,
    };

    public Plan Apply(PlanAmended e) => this with
    {
        Content = Content with { Deadlines = e.Deadlines },
        ActivityLines = e.ActivityLines,
        TargetUnits = [.. TargetUnits.Select(target => target with { ReportBefore = e.Deadlines.UnitsReportBefore })],
        Amendments = [.. Amendments, new Amendment(e.Number, e.Reason, e.Deadlines, [.. e.AddedLines.Select(line => line.Code)], e.AmendedAt, e.AmendedBy)],
    };

    public Plan Apply(PlanClosed e) => this with { Status = PlanStatus.Closed, ClosedAt = e.ClosedAt, ClosingReason = e.Reason };

    public ActivityLine? Line(string code) => ActivityLines.FirstOrDefault(line => line.Code == code);

    /// <summary>Is this unit expected to report on the plan (a reporting audience covers it)?</summary>
    public bool ExpectsReportFrom(string unitCode, UnitKind kind) =>
        Responsibilities.Any(responsibility => responsibility.Reporting == Reporting.ToWard && responsibility.Covers(unitCode, kind));
}
