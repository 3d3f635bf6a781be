using System.Globalization;

namespace LearningWeek.EventSourcing;

/// <summary>
/// Dates in plans and reports are days in Vietnam (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).
/// "Trước ngày D" (before day D) means before 00:00 of day D there.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The instant a report "before day D" is due: 00:00 of D in Vietnam.</summary>
    public static DateTimeOffset StartOf(DateOnly day) =>
        new(day.ToDateTime(TimeOnly.MinValue), Zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));

    /// <summary>The instant just after day D ends in Vietnam (00:00 of D+1).</summary>
    public static DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1));

    /// <summary>The Vietnamese calendar day an instant falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public static DateTimeOffset ToVietnam(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>dd/MM/yyyy, as Vietnamese documents write dates.</summary>
    public static string Format(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>HH:mm dd/MM/yyyy in Vietnam time.</summary>
    public static string Format(DateTimeOffset instant) => ToVietnam(instant).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            // Without tz data Vietnam time is still UTC+7, unchanged since 1975.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "ICT");
        }
    }
}
