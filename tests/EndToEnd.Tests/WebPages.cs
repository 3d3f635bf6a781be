using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningWeek.EndToEnd.Tests;

/// <summary>A person in a real browser: signs in on the issuer's page, takes screenshots of what they see.</summary>
public static class WebPages
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Where screenshots go: beside the servers' logs (.local/test-results/screenshots).</summary>
    public static string ScreenshotFolder
    {
        get
        {
            var logs = Environment.GetEnvironmentVariable(Testing.TestLogs.DirectoryVariable) is { Length: > 0 } folder
                ? folder
                : Path.Combine(Testing.RepositoryRoot.Path, ".local", "test-results", "logs");
            var screenshots = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(logs))!, "screenshots");
            Directory.CreateDirectory(screenshots);
            return screenshots;
        }
    }

    public static async Task<IPage> NewPageAsync(IBrowser browser, int width = 1280, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)Timeout.TotalMilliseconds); // a loaded 2-core machine renders slowly; waits end as soon as the page is there
        SetDefaultExpectTimeout((float)Timeout.TotalMilliseconds);
        return page;
    }

    /// <summary>Opens the application, is sent to the sign-in page, signs in, and waits for the application's page.</summary>
    public static async Task SignInAsync(IPage page, Uri application, string userName, string password, string path = "/")
    {
        await page.GotoAsync(new Uri(application, path).ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tuần lễ hưởng ứng học tập suốt đời" })).ToBeVisibleAsync();
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
    }

    /// <summary>The interactive page is live (its circuit connected), so clicks reach the server.</summary>
    public static async Task WaitUntilInteractiveAsync(IPage page) =>
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
}
