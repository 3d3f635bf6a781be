using LearningWeek.EventSourcing;

namespace LearningWeek.ActivityReporting.Plans;

/// <summary>An activity line of a plan, as reports refer to it.</summary>
public sealed record PlanLine(string Code, string Title, IReadOnlyList<string> TargetKinds)
{
    public bool Targets(string kind) => TargetKinds.Count == 0 || TargetKinds.Contains(kind);
}

/// <summary>An audience of the plan and whether it reports to the ward.</summary>
public sealed record PlanAudience(string Title, IReadOnlyList<string> Kinds, IReadOnlyList<string> UnitCodes, bool ReportsToWard)
{
    public bool Covers(string unitCode, string kind) => ReportsToWard && (Kinds.Contains(kind) || UnitCodes.Contains(unitCode));
}

/// <summary>The decision of the higher authority the plan carries out, as the ward report cites it.</summary>
public sealed record CityDecision(string Number, DateOnly Date, string Issuer);

/// <summary>Who signs for the ward.</summary>
public sealed record Signature(string Authority, string? OnBehalfOf, string Position, string Signer);

/// <summary>
/// A plan as this service knows it, kept from Planning's integration events (PlanIssued,
/// PlanAmended, PlanClosed). Events may arrive twice or out of order: the header is set by
/// PlanIssued only; deadlines, lines and audiences by whichever event is the latest at the source.
/// </summary>
public sealed record ReportingPlan
{
    public Guid Id { get; init; }

    public string WardCode { get; init; } = "";

    /// <summary>False until PlanIssued arrived (an amendment may come first).</summary>
    public bool HeaderKnown { get; init; }

    public string Title { get; init; } = "";

    public string? Number { get; init; }

    public int Year { get; init; }

    public string IssuingBody { get; init; } = "";

    public string ParentAuthority { get; init; } = "";

    public string Place { get; init; } = "";

    public Signature? Signature { get; init; }

    public CityDecision? CityDecision { get; init; }

    public DateOnly PeriodStart { get; init; }

    public DateOnly PeriodEnd { get; init; }

    public DateTimeOffset? IssuedAt { get; init; }

    public IReadOnlyList<PlanLine> Lines { get; init; } = [];

    public IReadOnlyList<PlanAudience> Audiences { get; init; } = [];

    public DateOnly UnitsReportBefore { get; init; }

    public DateTimeOffset UnitsReportDueAt { get; init; }

    public DateOnly WardReportBefore { get; init; }

    public DateTimeOffset WardReportDueAt { get; init; }

    /// <summary>Source sequence of the event the deadlines, lines and audiences come from.</summary>
    public long ScheduleSequence { get; init; }

    public bool Closed { get; init; }

    public bool Contains(DateOnly day) => day >= PeriodStart && day <= PeriodEnd;

    public PlanLine? Line(string code) => Lines.FirstOrDefault(line => line.Code == code);

    public bool ExpectsReportFrom(string unitCode, string kind) => Audiences.Any(audience => audience.Covers(unitCode, kind));

    public string PeriodText => $"từ ngày {VietnamTime.Format(PeriodStart)} đến ngày {VietnamTime.Format(PeriodEnd)}";
}
