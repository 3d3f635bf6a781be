using System.Net;
using System.Text;

namespace LearningWeek.Gateway.Tests;

public sealed class LimitsTests(TightLimitsGatewayHost gateway) : IClassFixture<TightLimitsGatewayHost>
{
    [Fact]
    public async Task A_burst_over_the_clients_limit_gets_429_with_retry_after_while_other_clients_go_on()
    {
        var school = gateway.CreateClient(await gateway.TokenFor("TH-PHULE"));
        var other = gateway.CreateClient(await gateway.TokenFor("TH-LAPLE"));

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < TightLimitsGatewayHost.Burst * 3; i++)
        {
            statuses.Add(await school.GetAsync("/api/planning/plans", TestContext.Current.CancellationToken));
        }

        var limited = statuses.First(response => response.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        using var otherResponse = await other.GetAsync("/api/planning/plans", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
        statuses.ForEach(response => response.Dispose());
    }

    [Fact]
    public async Task The_gateways_own_health_endpoint_is_rate_limited_per_address()
    {
        using var prober = gateway.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < TightLimitsGatewayHost.Burst * 3; i++)
        {
            using var response = await prober.GetAsync("/alive", TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task A_service_slower_than_the_gateways_timeout_gets_a_504_problem()
    {
        var client = gateway.CreateClient(await gateway.TokenFor("MN-PHUCLE"));
        var started = System.Diagnostics.Stopwatch.StartNew();

        using var response = await client.GetAsync("/api/planning/plans/slow", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"answered after {started.Elapsed}, as if the gateway had waited for the service");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_never_forwarded()
    {
        var school = gateway.CreateClient(await gateway.TokenFor("THCS-LAPLE"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reporting/activities-too-large")
        {
            Content = new StringContent("{\"notes\":\"" + new string('a', 2 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json"),
        };
        // The 413 comes before the body is read; sent unasked, the body's end would meet a closed
        // connection and could reset it before the answer is read.
        request.Headers.ExpectContinue = true;

        using var response = await school.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.DoesNotContain(gateway.Reporting.Received, echo => echo.Path == "/api/reporting/activities-too-large");
    }
}
