namespace LearningWeek.Contracts.Planning;

/// <summary>
/// A plan was issued: from now on units report against it. Carries everything the other services
/// need: who issued it (body, place, signature, the authority whose decision it carries out), the
/// period, the activity lines, the deadlines (as "before day D" dates and as the instants 00:00 of
/// D in Vietnam), the audiences and the units that must report at issue.
/// </summary>
public sealed record PlanIssued(
    Guid PlanId,
    string WardCode,
    string Title,
    string? Number,
    int Year,
    string IssuingBody,
    string ParentAuthority,
    string Place,
    PlanSignature? Signature,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    IReadOnlyList<PlanActivityLine> ActivityLines,
    DateOnly UnitsReportBefore,
    DateTimeOffset UnitsReportDueAt,
    DateOnly WardReportBefore,
    DateTimeOffset WardReportDueAt,
    IReadOnlyList<PlanAudience> Audiences,
    IReadOnlyList<PlanTargetUnit> TargetUnits,
    DateTimeOffset OccurredAt,
    Guid SourceEventId,
    long SourceSequence) : IIntegrationEvent
{
    /// <summary>The decision the plan carries out, as its opening cites it (added in a compatible change: older events have none).</summary>
    public PlanLegalBasis? LegalBasis { get; init; }

    string IIntegrationEvent.Subject => $"plans/{PlanId}";
}
