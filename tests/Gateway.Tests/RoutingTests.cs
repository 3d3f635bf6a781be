using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LearningWeek.Gateway.Tests;

public sealed class RoutingTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    [Theory]
    [InlineData("/api/planning/plans?after=5", "planning", "/api/planning/plans", "?after=5")]
    [InlineData("/api/reporting/plans/42/progress", "reporting", "/api/reporting/plans/42/progress", "")]
    public async Task A_service_route_reaches_its_service_with_path_query_and_token_unchanged(
        string requested, string service, string path, string query)
    {
        var client = gateway.CreateClient(await gateway.TokenFor("ward-officer"));

        var echo = await client.GetFromJsonAsync<Echo>(requested, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(new Echo(service, "GET", path, query, BearerForwarded: true), echo);
    }

    [Fact]
    public async Task A_post_is_forwarded_as_a_post()
    {
        var client = gateway.CreateClient(await gateway.TokenFor("TH-TAMHUNG"));

        using var response = await client.PostAsJsonAsync("/api/reporting/activities", new { title = "Ngày hội đọc sách" }, cancellationToken: TestContext.Current.CancellationToken);

        var echo = await response.Content.ReadFromJsonAsync<Echo>(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("POST", echo?.Method);
        Assert.Equal("/api/reporting/activities", echo?.Path);
    }

    [Theory]
    [InlineData("/api/planning/health", "/health")]
    [InlineData("/api/planning/openapi/v1.json", "/api/planning/openapi/v1.json")]
    public async Task Health_and_openapi_routes_are_public(string requested, string path)
    {
        var echo = await gateway.CreateClient().GetFromJsonAsync<Echo>(requested, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(path, echo?.Path);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_gives_a_502_problem_without_internals()
    {
        var client = gateway.CreateClient(await gateway.TokenFor("ward-officer"));

        using var response = await client.GetAsync("/api/library-fund/bookshelves", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(502, problem.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("127.0.0.1", body);
        Assert.DoesNotContain("Exception", body);
    }

    [Fact]
    public async Task A_path_outside_the_routes_is_a_404_problem()
    {
        using var response = await gateway.CreateClient(await gateway.TokenFor("ward-officer")).GetAsync("/api/planningx/units", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_public_ledger_route_needs_no_token()
    {
        // Anonymous callers pass the gateway; here the library-fund service is down, hence 502, not 401.
        using var response = await gateway.CreateClient().GetAsync("/api/library-fund/ledger", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }
}
