using System.Net.Http.Json;
using System.Text.Json;
using LearningWeek.Planning.Plans;
using LearningWeek.Planning.SampleData;
using LearningWeek.Testing;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LearningWeek.Planning.Tests.Api;

/// <summary>Planning with the local runs' sample data switched on.</summary>
public sealed class SampleDataPlanningService : ServiceFixture<Program>
{
    protected override string ConnectionName => "planningdb";

    protected override void ConfigureHost(IWebHostBuilder host) => host.UseSetting("SampleData:Enabled", "true");
}

public sealed class SampleDataTests(SampleDataPlanningService service) : IClassFixture<SampleDataPlanningService>
{
    [Fact]
    public async Task The_sample_is_loaded_through_the_same_decisions_and_only_once()
    {
        var officer = service.CreateClient(TestTokens.WardOfficer());
        var plan = await officer.GetFromJsonAsync<JsonElement>($"/api/planning/plans/{SampleDataLoader.PlanId}", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("issued", plan.GetProperty("status").GetString());
        Assert.Equal(NamTrieu2025.Theme, plan.GetProperty("theme").GetString());
        var events = await EventCount();

        // A restart of the service on the same database loads nothing again.
        using (var restarted = service.Factory.WithWebHostBuilder(_ => { }))
        {
            using var client = restarted.CreateClient();
            await client.GetAsync("/alive", TestContext.Current.CancellationToken);
        }

        Assert.Equal(events, await EventCount());
        await using var session = service.Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(1, await session.Query<Plan>().CountAsync(token: TestContext.Current.CancellationToken));
        Assert.Equal(NamTrieu2025.Units.Count, await session.Query<Units.Unit>().CountAsync(token: TestContext.Current.CancellationToken));
        // The same events a user's calls would have produced: registrations, draft, lines, responsibilities, issue.
        Assert.Equal(NamTrieu2025.Units.Count + 1 + 6 + 3 + 1, events);
    }

    private async Task<long> EventCount()
    {
        await using var session = service.Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }
}
