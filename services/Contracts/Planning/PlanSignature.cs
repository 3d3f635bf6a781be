namespace LearningWeek.Contracts.Planning;

/// <summary>The signature block of the plan's issuing body (e.g. TM. UỶ BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Đức Dũng).</summary>
public sealed record PlanSignature(string Authority, string? OnBehalfOf, string Position, string Signer);
