using MudBlazor;

namespace LearningWeek.Web.Components.Layout;

public static class Theme
{
    /// <summary>Dark red of the campaign, high-contrast text, the system's own fonts (nothing fetched from outside).</summary>
    public static readonly MudTheme Campaign = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#9b1c1c",
            Secondary = "#1d4ed8",
            AppbarBackground = "#9b1c1c",
            TextPrimary = "#1b1f24",
            TextSecondary = "#3f4753",
            Error = "#b42318",
            Info = "#0b5394",
            Warning = "#8a4b00",
            Success = "#1e6b35",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "Segoe UI", "Roboto", "Noto Sans", "Arial", "sans-serif"] },
        },
    };
}
