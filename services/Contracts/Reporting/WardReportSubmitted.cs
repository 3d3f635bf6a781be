namespace LearningWeek.Contracts.Reporting;

/// <summary>
/// The ward submitted its summary report (báo cáo tổng hợp) to the Department of Education: on
/// time when before the ward's due instant; the report is frozen from then on.
/// </summary>
public sealed record WardReportSubmitted(
    Guid PlanId,
    string WardCode,
    string? Number,
    int Revision,
    DateTimeOffset DueAt,
    bool OnTime,
    WardReportTotals Totals,
    DateTimeOffset OccurredAt,
    Guid SourceEventId,
    long SourceSequence) : IIntegrationEvent
{
    string IIntegrationEvent.Subject => $"plans/{PlanId}/ward-report";
}
