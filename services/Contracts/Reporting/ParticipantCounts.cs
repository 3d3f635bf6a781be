namespace LearningWeek.Contracts.Reporting;

/// <summary>Participants by group (whole numbers).</summary>
public sealed record ParticipantCounts(int Students, int TeachersAndStaff, int Parents, int Residents, int Members)
{
    /// <summary>Everyone, all groups together.</summary>
    public int Total => Students + TeachersAndStaff + Parents + Residents + Members;
}
