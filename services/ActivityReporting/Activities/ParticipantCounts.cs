namespace LearningWeek.ActivityReporting.Activities;

/// <summary>
/// Participants by group (whole numbers), as this service stores them. The public contract has a
/// record of the same shape (<c>LearningWeek.Contracts.Reporting.ParticipantCounts</c>); the two
/// are kept apart so that the store and the contract can change independently.
/// </summary>
public sealed record ParticipantCounts(int Students, int TeachersAndStaff, int Parents, int Residents, int Members)
{
    public static readonly ParticipantCounts None = new(0, 0, 0, 0, 0);

    /// <summary>Everyone, all groups together.</summary>
    public int Total => Students + TeachersAndStaff + Parents + Residents + Members;
}
