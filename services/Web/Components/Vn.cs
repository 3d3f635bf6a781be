using System.Globalization;

namespace LearningWeek.Web.Components;

/// <summary>How Vietnamese officials read figures: dates dd/MM/yyyy, times in Vietnam, VND with dots, percentages with a comma.</summary>
public static class Vn
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    public static string Date(DateTimeOffset at) => Local(at).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset at) => Local(at).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset? at) => at is { } value ? DateTime(value) : "—";

    public static string Time(DateTimeOffset at) => Local(at).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>15000000 → "15.000.000 đ".</summary>
    public static string Vnd(long amount) => amount.ToString("#,0", Culture) + " đ";

    public static string Number(long value) => value.ToString("#,0", Culture);

    /// <summary>0.5833 → "58,3%".</summary>
    public static string Percent(double ratio) => (ratio * 100).ToString("0.#", Culture) + "%";

    /// <summary>"còn 3 ngày 4 giờ" before, "đã quá 2 ngày" after.</summary>
    public static string Countdown(DateTimeOffset due, DateTimeOffset now)
    {
        var left = due - now;
        var span = left.Duration();
        var text = span.TotalDays >= 1 ? $"{(int)span.TotalDays} ngày {span.Hours} giờ"
            : span.TotalHours >= 1 ? $"{(int)span.TotalHours} giờ {span.Minutes} phút"
            : $"{Math.Max(1, (int)span.TotalMinutes)} phút";
        return left > TimeSpan.Zero ? "còn " + text : "đã quá hạn " + text;
    }

    public static string Kind(string kind) => kind switch
    {
        "kindergarten" => "Mầm non",
        "primary" => "Tiểu học",
        "lower-secondary" => "Trung học cơ sở",
        "fatherland-front" => "Mặt trận Tổ quốc",
        "mass-organisation" => "Đoàn thể",
        "culture-house" => "Nhà văn hoá",
        "office" => "Cơ quan",
        _ => kind,
    };

    public static string ReportStatus(string status) => status switch
    {
        "open" => "Chưa nộp",
        "submitted" => "Đã nộp, chờ duyệt",
        "returned" => "Bị trả lại",
        "accepted" => "Đã duyệt",
        "withdrawn" => "Không còn phải báo cáo",
        _ => status,
    };

    public static string Role(string? role) => role switch
    {
        "ward-officer" => "Cán bộ phường",
        "unit" => "Cán bộ đơn vị",
        "city" => "Cấp thành phố",
        "ops" => "Vận hành",
        _ => role ?? "",
    };
}
