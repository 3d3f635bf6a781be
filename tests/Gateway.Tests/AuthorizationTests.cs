using System.Net;
using System.Net.Http.Json;

namespace LearningWeek.Gateway.Tests;

public sealed class AuthorizationTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task A_unit_writing_under_another_units_path_is_403_and_never_forwarded()
    {
        var school = gateway.CreateClient(await gateway.TokenFor("TH-TAMHUNG"));

        var path = $"/api/reporting/plans/{Guid.NewGuid()}/units/TH-LAPLE/report";

        using var response = await school.PostAsJsonAsync(path, new { summary = "…" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(gateway.Reporting.Received, echo => echo.Path == path);
    }

    [Fact]
    public async Task A_unit_writes_under_its_own_path_and_a_ward_officer_under_any()
    {
        var school = gateway.CreateClient(await gateway.TokenFor("TH-LAPLE"));
        var officer = gateway.CreateClient(await gateway.TokenFor("ward-officer"));

        using var own = await school.PostAsJsonAsync("/api/reporting/plans/p-1/units/TH-LAPLE/report", new { summary = "…" }, cancellationToken: TestContext.Current.CancellationToken);
        using var review = await officer.PostAsJsonAsync("/api/reporting/plans/p-1/units/TH-LAPLE/report/accept", new { }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
    }

    [Theory]
    [InlineData("city")]
    [InlineData("ops")]
    public async Task City_and_ops_read_but_may_not_write(string clientId)
    {
        var reader = gateway.CreateClient(await gateway.TokenFor(clientId));

        using var read = await reader.GetAsync("/api/planning/plans", TestContext.Current.CancellationToken);
        using var write = await reader.PostAsJsonAsync("/api/planning/plans", new { title = "Kế hoạch" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Theory]
    [InlineData("city", HttpStatusCode.OK)]
    [InlineData("ops", HttpStatusCode.OK)]
    [InlineData("ward-officer", HttpStatusCode.OK)]
    [InlineData("TH-TAMHUNG", HttpStatusCode.Forbidden)]
    public async Task The_event_feed_is_for_those_who_follow_events(string clientId, HttpStatusCode expected)
    {
        using var response = await gateway.CreateClient(await gateway.TokenFor(clientId)).GetAsync("/api/planning/events?after=0", TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }
}
