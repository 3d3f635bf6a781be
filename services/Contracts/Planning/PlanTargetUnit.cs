namespace LearningWeek.Contracts.Planning;

/// <summary>A unit that must report on the plan, and the instant its report is due.</summary>
public sealed record PlanTargetUnit(string UnitCode, string Kind, DateTimeOffset ReportDueAt);
