using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LearningWeek.Gateway.Tests;

public sealed class RoutingTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    [Theory]
    [InlineData("/api/planning/plans?after=5", "planning", "/api/planning/plans", "?after=5")]
    [InlineData("/api/reporting/plans/42/progress", "reporting", "/api/reporting/plans/42/progress", "")]
    public async Task A_service_route_reaches_its_service_with_path_and_query_unchanged(
        string requested, string service, string path, string query)
    {
        var echo = await gateway.Factory.CreateClient().GetFromJsonAsync<Echo>(requested);

        Assert.Equal(new Echo(service, "GET", path, query), echo);
    }

    [Fact]
    public async Task A_post_is_forwarded_as_a_post()
    {
        using var response = await gateway.Factory.CreateClient().PostAsJsonAsync("/api/reporting/activities", new { title = "Ngày hội đọc sách" });

        var echo = await response.Content.ReadFromJsonAsync<Echo>();
        Assert.Equal("POST", echo?.Method);
        Assert.Equal("/api/reporting/activities", echo?.Path);
    }

    [Fact]
    public async Task A_service_health_route_reaches_the_service_health_endpoint()
    {
        var echo = await gateway.Factory.CreateClient().GetFromJsonAsync<Echo>("/api/planning/health");

        Assert.Equal(new Echo("planning", "GET", "/health", ""), echo);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_gives_a_502_problem_without_internals()
    {
        using var response = await gateway.Factory.CreateClient().GetAsync("/api/library-fund/ledger");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(502, problem.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("127.0.0.1", body);
        Assert.DoesNotContain("Exception", body);
    }

    [Fact]
    public async Task A_path_outside_the_routes_is_a_404_problem()
    {
        using var response = await gateway.Factory.CreateClient().GetAsync("/api/planningx/units");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
