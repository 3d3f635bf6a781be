namespace LearningWeek.Contracts.Reporting;

/// <summary>The headline figures of a ward's summary report.</summary>
public sealed record WardReportTotals(
    int UnitsExpected,
    int UnitsSubmitted,
    int UnitsOnTime,
    int UnitsAccepted,
    int ActivityReports,
    long Sessions,
    ParticipantCounts Participants,
    long LibraryFundReceivedVnd,
    long LibraryFundBooksReceived);
