using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningWeek.EndToEnd.Tests;

/// <summary>The API reference page, in a real browser, as a school's IT person opens it.</summary>
[Collection(LocalSystemCollection.Name)]
public sealed class ApiReferencePageTests(LocalSystem system)
{
    [Fact]
    public async Task The_api_reference_gets_a_token_with_the_client_credentials_and_uses_it_in_the_examples()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            page.SetDefaultTimeout(30_000); // a loaded 2-core machine renders slowly; waits end as soon as the page is there
            SetDefaultExpectTimeout(30_000);
            var failed = new System.Collections.Concurrent.ConcurrentQueue<string>(); // filled from Playwright's event thread
            page.Response += (_, response) =>
            {
                if (response.Status >= 400)
                {
                    failed.Enqueue($"{response.Status} {response.Url}");
                }
            };
            var gateway = system.App.GetEndpoint("gateway", "http");

            await page.GotoAsync(new Uri(gateway, "/docs/").ToString());

            await Expect(page.GetByText("LearningWeek Planning API").First).ToBeVisibleAsync();
            await Expect(page.GetByText("Who the service takes the caller to be").First).ToBeVisibleAsync();

            // A school's IT person enters its client id and secret and authorizes: the page gets a
            // token from the gateway's /connect/token and puts it into the request examples.
            await page.GetByLabel("Client ID").First.FillAsync("TH-TAMHUNG");
            await page.GetByLabel("Client Secret").First.FillAsync("local-TH-TAMHUNG");
            var tokenResponse = page.WaitForResponseAsync(response => response.Url.EndsWith("/connect/token", StringComparison.Ordinal));
            await page.GetByRole(AriaRole.Button, new() { Name = "Authorize" }).First.ClickAsync();

            Assert.Equal(200, (await tokenResponse).Status);
            await Expect(page.GetByText("Authorization: Bearer ey").First).ToBeVisibleAsync();
            Assert.Empty(failed);
        }
    }
}
