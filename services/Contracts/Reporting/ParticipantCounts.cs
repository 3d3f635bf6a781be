namespace LearningWeek.Contracts.Reporting;

/// <summary>Participants by group (whole numbers).</summary>
public sealed record ParticipantCounts(long Students, long TeachersAndStaff, long Parents, long Residents, long Members)
{
    /// <summary>Everyone, all groups together.</summary>
    public long Total => Students + TeachersAndStaff + Parents + Residents + Members;
}
