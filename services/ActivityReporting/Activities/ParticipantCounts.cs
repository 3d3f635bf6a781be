namespace LearningWeek.ActivityReporting.Activities;

/// <summary>
/// Participants by group (whole numbers), as this service stores them. One activity counts at
/// most 100,000 a group, but the same record carries the sums over a plan, a ward, a city, so
/// every count is 64-bit: a city-wide week passes two billion long before anyone notices. The public contract has a
/// record of the same shape (<c>LearningWeek.Contracts.Reporting.ParticipantCounts</c>); the two
/// are kept apart so that the store and the contract can change independently.
/// </summary>
public sealed record ParticipantCounts(long Students, long TeachersAndStaff, long Parents, long Residents, long Members)
{
    public static readonly ParticipantCounts None = new(0, 0, 0, 0, 0);

    /// <summary>Everyone, all groups together.</summary>
    public long Total => Students + TeachersAndStaff + Parents + Residents + Members;
}
