namespace LearningWeek.Contracts.Planning;

/// <summary>An activity line of a plan (e.g. "3.5"), and the kinds of unit it is meant for (empty: all).</summary>
public sealed record PlanActivityLine(string Code, string Title, IReadOnlyList<string> TargetKinds);
