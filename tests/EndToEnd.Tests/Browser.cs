using Microsoft.Playwright;

namespace LearningWeek.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium (the chromium package, which deploy/local/test.sh installs), driven by
/// Playwright; never a downloaded browser. Headless, with the flags that keep it from reaching
/// out to the network on its own.
/// </summary>
public static class Browser
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("LEARNINGWEEK_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"No Chromium at {executable}. Install Debian's package (apt-get install chromium; deploy/local/test.sh does) " +
                "or point LEARNINGWEEK_CHROMIUM at a Chromium executable.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        return (playwright, browser);
    }
}
