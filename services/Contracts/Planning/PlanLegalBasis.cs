namespace LearningWeek.Contracts.Planning;

/// <summary>The decision of the higher authority the plan carries out (e.g. Quyết định số 3929/QĐ-UBND ngày 01/10/2025 của UBND thành phố Hải Phòng).</summary>
public sealed record PlanLegalBasis(string DecisionNumber, DateOnly DecisionDate, string Issuer);
