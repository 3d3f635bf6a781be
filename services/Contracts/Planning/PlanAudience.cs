namespace LearningWeek.Contracts.Planning;

/// <summary>
/// Who a responsibility of the plan is for (kinds of unit, or named units), and whether they
/// report to the ward, by when.
/// </summary>
public sealed record PlanAudience(
    string Title,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> UnitCodes,
    bool ReportsToWard,
    DateOnly? ReportBefore,
    DateTimeOffset? ReportDueAt);
