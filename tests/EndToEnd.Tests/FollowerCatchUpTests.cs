using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using LearningWeek.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningWeek.EndToEnd.Tests;

/// <summary>A system of its own: these tests stop services and delete their queues.</summary>
public sealed class FollowerSystem : LocalSystem
{
    protected override string VirtualHostPrefix => "follow";
}

/// <summary>
/// A follower does not depend on start order: ActivityReporting and LibraryFund, down while
/// Planning publishes and with their queues gone (nothing on the bus reaches them), come back to
/// the state they would have had, from Planning's feed.
/// </summary>
public sealed class FollowerCatchUpTests(FollowerSystem system) : IClassFixture<FollowerSystem>
{
    private static readonly string[] Followers = ["activity-reporting", "library-fund"];

    [Fact]
    public async Task Followers_down_with_their_queues_deleted_while_Planning_publishes_catch_up_from_its_feed()
    {
        var officer = await system.SignedInClientAsync("ward-officer");
        var planId = (await Eventually.Get(() => officer.GetFromJsonAsync<JsonElement>("/api/planning/plans?year=2025"),
            until: page => page.GetProperty("items").GetArrayLength() > 0)).GetProperty("items")[0].GetProperty("id").GetGuid();
        await Eventually.Get(() => officer.GetFromJsonAsync<JsonElement>($"/api/reporting/plans/{planId}/progress"),
            until: progress => progress.GetProperty("ward").GetProperty("expected").GetInt32() == 7, TimeSpan.FromSeconds(60));

        var commands = system.App.Services.GetRequiredService<ResourceCommandService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        foreach (var follower in Followers)
        {
            Assert.True((await commands.ExecuteCommandAsync(follower, KnownResourceCommands.StopCommand, timeout.Token)).Success);
            await system.App.ResourceNotifications.WaitForResourceAsync(follower, KnownResourceStates.TerminalStates, timeout.Token);
        }

        using (var management = system.Servers.ManagementClient())
        {
            foreach (var queue in new[] { "activity-reporting.planning-events", "library-fund.planning-events" })
            {
                (await management.DeleteAsync($"api/queues/{system.VirtualHost.AbsolutePath.TrimStart('/')}/{queue}", timeout.Token)).EnsureSuccessStatusCode();
            }
        }

        // Published to no one: the followers are down and their queues are gone.
        using (var registered = await officer.PostAsJsonAsync("/api/planning/units", new { code = "TH-MUON", name = "Trường Tiểu học Muộn", kind = "primary" }, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        var city = await system.SignedInClientAsync("city");
        await Eventually.Get(() => city.GetStringAsync("/api/planning/events?limit=1000"), until: feed => feed.Contains("units/TH-MUON", StringComparison.Ordinal));

        foreach (var follower in Followers)
        {
            Assert.True((await commands.ExecuteCommandAsync(follower, KnownResourceCommands.StartCommand, timeout.Token)).Success);
            await system.App.ResourceNotifications.WaitForResourceHealthyAsync(follower, timeout.Token);
        }

        // ActivityReporting expects the new school's report, as if it had been up all along…
        var progress = await Eventually.Get(() => officer.GetFromJsonAsync<JsonElement>($"/api/reporting/plans/{planId}/progress"),
            until: p => p.GetProperty("ward").GetProperty("expected").GetInt32() == 8, TimeSpan.FromSeconds(60));
        Assert.Equal(8, progress.GetProperty("ward").GetProperty("expected").GetInt32());
        using (var obligation = await officer.GetAsync($"/api/reporting/plans/{planId}/units/TH-MUON/report", timeout.Token))
        {
            Assert.Equal(HttpStatusCode.OK, obligation.StatusCode);
        }

        // …and LibraryFund knows the school as a bookshelf's host.
        var bookshelf = await Eventually.Get(async () =>
            {
                using var response = await officer.PostAsJsonAsync("/api/library-fund/bookshelves", new
                {
                    hostUnitCode = "TH-MUON",
                    kind = "classroom",
                    name = "Tủ sách lớp 1A",
                    location = "Lớp 1A",
                    establishedOn = "2026-11-20",
                    physicalBooks = 40,
                });
                return response.StatusCode;
            },
            until: status => status == HttpStatusCode.Created, TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.Created, bookshelf);

        // The queues are back, bound again: what Planning publishes next comes over the bus.
        using var management2 = system.Servers.ManagementClient();
        foreach (var queue in new[] { "activity-reporting.planning-events", "library-fund.planning-events" })
        {
            // MassTransit binds the contract's exchange to an exchange of the queue's name, bound to the queue.
            var bindings = await management2.GetFromJsonAsync<JsonElement>(
                $"api/exchanges/{system.VirtualHost.AbsolutePath.TrimStart('/')}/{queue}/bindings/destination", timeout.Token);
            Assert.Contains(bindings.EnumerateArray(), binding => binding.GetProperty("source").GetString() == "learningweek.planning.unit-registered.v1");
        }
    }
}
