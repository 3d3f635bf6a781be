using System.Net;
using System.Net.Http.Json;
using LearningWeek.Testing;

namespace LearningWeek.Planning.Tests.Api;

/// <summary>Who may do what, enforced by the Planning service itself (called directly, not through the gateway).</summary>
public sealed class ObjectLevelAuthorizationTests(PlanningService service) : IClassFixture<PlanningService>
{
    private readonly PlanningScenario _scenario = new(service);

    [Fact]
    public async Task A_school_cannot_submit_a_plan_for_another_school()
    {
        var (id, _) = await _scenario.Issued();

        using var response = await _scenario.School("TH-TAMHUNG").PostAsJsonAsync($"/api/planning/plans/{id}/unit-plans", PlanningScenario.UnitPlan(unitCode: "TH-LAPLE"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var stored = await _scenario.Officer.GetAsync($"/api/planning/plans/{id}/unit-plans/TH-LAPLE", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task A_school_cannot_read_another_schools_plan()
    {
        var (id, _) = await _scenario.Issued();
        using (await _scenario.School("TH-LAPLE").PostAsJsonAsync($"/api/planning/plans/{id}/unit-plans", PlanningScenario.UnitPlan(), cancellationToken: TestContext.Current.CancellationToken))
        {
        }

        using var response = await _scenario.School("TH-TAMHUNG").GetAsync($"/api/planning/plans/{id}/unit-plans/TH-LAPLE", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("unit")]
    [InlineData("city")]
    [InlineData("ops")]
    public async Task Only_a_ward_officer_registers_units_drafts_and_issues_plans(string role)
    {
        var (id, _) = await _scenario.DraftComplete();
        var caller = service.CreateClient(role switch
        {
            "unit" => TestTokens.Unit("TH-TAMHUNG"),
            "city" => TestTokens.City(),
            _ => TestTokens.Ops(),
        });

        using var register = await caller.PostAsJsonAsync("/api/planning/units", new { code = "TH-MOI", name = "Trường mới", kind = "primary" }, cancellationToken: TestContext.Current.CancellationToken);
        using var draft = await caller.PostAsJsonAsync("/api/planning/plans", PlanningScenario.Content(), cancellationToken: TestContext.Current.CancellationToken);
        using var issue = await caller.PostAsJsonAsync($"/api/planning/plans/{id}/issue", new { }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.All([register, draft, issue], response => Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode));
        Assert.Equal("draft", (await _scenario.Plan(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_officer_of_another_ward_cannot_change_or_even_see_the_plan()
    {
        var (id, _) = await _scenario.DraftComplete();
        var stranger = service.CreateClient(TestTokens.WardOfficer(ward: "HP-OTHER"));

        using var issue = await stranger.PostAsJsonAsync($"/api/planning/plans/{id}/issue", new { }, cancellationToken: TestContext.Current.CancellationToken);
        using var read = await stranger.GetAsync($"/api/planning/plans/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, issue.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task A_unit_of_another_ward_is_not_found_for_that_wards_officers_and_units_but_city_systems_read_it()
    {
        var officer = service.CreateClient(TestTokens.WardOfficer());
        using (var registered = await officer.PostAsJsonAsync("/api/planning/units", new { code = "TH-KHUAT", name = "Trường Tiểu học Khuất", kind = "primary" }, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        using var stranger = await service.CreateClient(TestTokens.WardOfficer(ward: "HP-OTHER")).GetAsync("/api/planning/units/TH-KHUAT", TestContext.Current.CancellationToken);
        using var strangerUnit = await service.CreateClient(TestTokens.Unit("TH-XA", ward: "HP-OTHER")).GetAsync("/api/planning/units/TH-KHUAT", TestContext.Current.CancellationToken);
        using var own = await officer.GetAsync("/api/planning/units/TH-KHUAT", TestContext.Current.CancellationToken);
        using var city = await service.CreateClient(TestTokens.City()).GetAsync("/api/planning/units/TH-KHUAT", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerUnit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, city.StatusCode);
    }

    [Fact]
    public async Task City_systems_read_plans_of_any_ward()
    {
        var (id, _) = await _scenario.Issued();

        using var response = await service.CreateClient(TestTokens.City()).GetAsync($"/api/planning/plans/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
