using System.Globalization;

namespace LearningWeek.Documents;

/// <summary>Numbers, money, shares and dates as Vietnamese administrative documents write them.</summary>
public static class VietnameseText
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>1234567 → "1.234.567".</summary>
    public static string Number(long value) => value.ToString("#,0", NumberFormat());

    /// <summary>VND, no decimals: 20000000 → "20.000.000 đồng".</summary>
    public static string Money(long vnd) => $"{Number(vnd)} đồng";

    /// <summary>0.8333 → "83,3%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.#", NumberFormat()) + "%";

    /// <summary>"Nam Triệu, ngày 18 tháng 10 năm 2025"; days 1–9 and months 1–2 with a leading zero (Decree 30/2020).</summary>
    public static string PlaceAndDate(string place, DateOnly date) => $"{place}, {LongDate(date)}";

    public static string LongDate(DateOnly date) =>
        $"ngày {date.Day.ToString(date.Day < 10 ? "00" : "0", CultureInfo.InvariantCulture)} " +
        $"tháng {date.Month.ToString(date.Month < 3 ? "00" : "0", CultureInfo.InvariantCulture)} năm {date.Year}";

    public static string Upper(string text) => text.ToUpper(Vietnamese);

    private static NumberFormatInfo NumberFormat()
    {
        var format = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        format.NumberGroupSeparator = ".";
        format.NumberDecimalSeparator = ",";
        return format;
    }
}
