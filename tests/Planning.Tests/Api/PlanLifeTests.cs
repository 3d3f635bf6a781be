using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningWeek.Testing;

namespace LearningWeek.Planning.Tests.Api;

/// <summary>The plan's whole life through the API, on real PostgreSQL and RabbitMQ.</summary>
public sealed class PlanLifeTests(PlanningService service) : IClassFixture<PlanningService>
{
    private readonly PlanningScenario _scenario = new(service);

    [Fact]
    public async Task The_seed_scenario_drafts_issues_amends_and_collects_unit_plans()
    {
        await using var city = await OutsideSubscriber.StartAsync(service.Servers.AdministratorOn(service.VirtualHost),
            typeof(LearningWeek.Contracts.Planning.PlanIssued), typeof(LearningWeek.Contracts.Planning.PlanAmended), typeof(LearningWeek.Contracts.Planning.UnitPlanSubmitted));

        var (id, etag) = await _scenario.Issued();
        var issued = await _scenario.Plan(id);
        Assert.Equal("issued", issued.GetProperty("status").GetString());
        Assert.Equal(6, issued.GetProperty("activityLines").GetArrayLength());
        Assert.Equal("trước ngày 15/10/2027", issued.GetProperty("deadlines").GetProperty("unitsReportText").GetString());
        Assert.Equal("2027-10-15T00:00:00+07:00", issued.GetProperty("deadlines").GetProperty("unitsReportDueAt").GetString());
        Assert.Equal(7, issued.GetProperty("targetUnits").GetArrayLength()); // the seven schools (section III.3)

        etag = await _scenario.Send(HttpMethod.Post, $"/api/planning/plans/{id}/amendments",
            new { reason = "Gia hạn báo cáo do ảnh hưởng của bão", unitsReportBefore = "2027-10-18" }, etag, HttpStatusCode.Created);
        var amended = await _scenario.Plan(id);
        Assert.Equal("2027-10-18", amended.GetProperty("deadlines").GetProperty("unitsReportBefore").GetString());
        Assert.Equal("Gia hạn báo cáo do ảnh hưởng của bão", amended.GetProperty("amendments")[0].GetProperty("reason").GetString());

        var school = _scenario.School("TH-TAMHUNG");
        using (var first = await school.PostAsJsonAsync($"/api/planning/plans/{id}/unit-plans", PlanningScenario.UnitPlan(), cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using (var second = await school.PostAsJsonAsync($"/api/planning/plans/{id}/unit-plans", PlanningScenario.UnitPlan(line: "3.4", students: 500), cancellationToken: TestContext.Current.CancellationToken))
        {
            var unitPlan = await second.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(2, unitPlan.GetProperty("revision").GetInt32());
            Assert.Equal(2, unitPlan.GetProperty("history").GetArrayLength());
            Assert.Equal("3.4", unitPlan.GetProperty("items")[0].GetProperty("lineCode").GetString());
        }

        using (await _scenario.School("TH-LAPLE").PostAsJsonAsync($"/api/planning/plans/{id}/unit-plans", PlanningScenario.UnitPlan(), cancellationToken: TestContext.Current.CancellationToken))
        {
        }

        var seenBySchool = await school.GetFromJsonAsync<JsonElement>($"/api/planning/plans/{id}/unit-plans", cancellationToken: TestContext.Current.CancellationToken);
        var seenByOfficer = await _scenario.Officer.GetFromJsonAsync<JsonElement>($"/api/planning/plans/{id}/unit-plans", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(["TH-TAMHUNG"], seenBySchool.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("unitCode").GetString()));
        Assert.Equal(["TH-LAPLE", "TH-TAMHUNG"], seenByOfficer.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("unitCode").GetString()));

        // A city system's own queue received the facts, each once, with the stored event's id as MessageId.
        bool OfThisPlan(ReceivedMessage message) => message.Message.GetProperty("planId").GetGuid() == id;
        var received = (await city.WaitFor(messages => messages.Count(OfThisPlan) >= 5)).Where(OfThisPlan).ToList();
        var planIssued = Assert.Single(received, message => message.MessageType == "learningweek.planning.plan-issued.v1");
        Assert.Equal(7, planIssued.Message.GetProperty("targetUnits").GetArrayLength());
        Assert.Equal(planIssued.MessageId, planIssued.Message.GetProperty("sourceEventId").GetString());
        Assert.Equal("2027-10-18", Assert.Single(received, message => message.MessageType == "learningweek.planning.plan-amended.v1")
            .Message.GetProperty("unitsReportBefore").GetString());
        Assert.Equal(3, received.Count(message => message.MessageType == "learningweek.planning.unit-plan-submitted.v1"));
    }

    [Fact]
    public async Task The_event_feed_lists_the_published_events_in_order_and_pages()
    {
        var (id, _) = await _scenario.Issued();
        var city = service.CreateClient(TestTokens.City());

        var feed = await Eventually.Get(
            () => city.GetFromJsonAsync<JsonElement>("/api/planning/events?after=0&limit=1000"),
            until: page => page.GetProperty("items").EnumerateArray().Any(e => e.GetProperty("type").GetString() == "learningweek.planning.plan-issued.v1"
                && e.GetProperty("data").GetProperty("planId").GetGuid() == id));
        var sequences = feed.GetProperty("items").EnumerateArray().Select(e => long.Parse(e.GetProperty("sequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.DoesNotContain(feed.GetProperty("items").EnumerateArray(), e => e.GetProperty("type").GetString()!.Contains("plan-drafted", StringComparison.Ordinal));

        var firstPage = await city.GetFromJsonAsync<JsonElement>("/api/planning/events?after=0&limit=2", cancellationToken: TestContext.Current.CancellationToken);
        var next = firstPage.GetProperty("next").GetInt64();
        var secondPage = await city.GetFromJsonAsync<JsonElement>($"/api/planning/events?after={next}&limit=2", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(sequences[2], long.Parse(secondPage.GetProperty("items")[0].GetProperty("sequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_ward_officer_reads_only_its_own_wards_events_and_the_city_reads_every_wards()
    {
        var (id, _) = await _scenario.Issued();
        var otherWard = service.CreateClient(TestTokens.WardOfficer("HP-KHAC"));
        using (var registered = await otherWard.PostAsJsonAsync("/api/planning/units", new { code = "KHAC-TH01", name = "Trường Tiểu học Khác", kind = "primary" }, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        var city = await Eventually.Get(() => Feed(service.CreateClient(TestTokens.City())),
            until: items => items.Any(e => e.GetProperty("subject").GetString() == "units/KHAC-TH01") && items.Any(e => e.GetProperty("subject").GetString() == $"plans/{id}"));
        var own = await Feed(_scenario.Officer);
        var other = await Feed(otherWard);

        Assert.Equal(["HP-KHAC", "HP-NAMTRIEU"], city.Select(e => e.GetProperty("wardcode").GetString()).Distinct().Order());
        Assert.All(own, e => Assert.Equal("HP-NAMTRIEU", e.GetProperty("wardcode").GetString()));
        Assert.Contains(own, e => e.GetProperty("subject").GetString() == $"plans/{id}");
        Assert.Equal(["units/KHAC-TH01"], other.Select(e => e.GetProperty("subject").GetString()));
    }

    private static async Task<List<JsonElement>> Feed(HttpClient client)
    {
        var items = new List<JsonElement>();
        for (long after = 0; ;)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/planning/events?after={after}&limit=1000");
            items.AddRange(page.GetProperty("items").EnumerateArray());
            if (!page.GetProperty("more").GetBoolean())
            {
                return items;
            }

            after = page.GetProperty("next").GetInt64();
        }
    }

    [Fact]
    public async Task A_unit_may_not_read_the_event_feed()
    {
        using var response = await _scenario.School("TH-TAMHUNG").GetAsync("/api/planning/events", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
