namespace LearningWeek.Contracts.Planning;

/// <summary>One activity a unit plans: under which line, what, when, and how many are expected.</summary>
public sealed record UnitPlanItem(string LineCode, string Title, DateOnly From, DateOnly To, int ExpectedParticipants);
