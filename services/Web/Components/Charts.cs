using MudBlazor;

namespace LearningWeek.Web.Components;

/// <summary>Chart axes in Vietnamese number form (15.000.000, not 15000000).</summary>
public static class Charts
{
    public static readonly BarChartOptions Vnd = new() { YAxisToStringFunc = value => Vn.Number((long)value) };

    public static readonly BarChartOptions Count = new() { YAxisToStringFunc = value => Vn.Number((long)value) };

    public static readonly LineChartOptions CountLine = new() { YAxisToStringFunc = value => Vn.Number((long)value) };
}
