using System.Net;

namespace LearningWeek.Gateway.Tests;

/// <summary>
/// At the edge the caller's address is the connection's: a client cannot choose it with
/// X-Forwarded-For, and requests that fail authentication count against it like any other.
/// </summary>
public sealed class EdgeAddressTests(TightLimitsGatewayHost gateway) : IClassFixture<TightLimitsGatewayHost>
{
    [Fact]
    public async Task A_caller_naming_a_new_address_in_each_request_is_still_limited_as_one_address()
    {
        using var prober = gateway.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < TightLimitsGatewayHost.Burst * 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/alive");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            using var response = await prober.SendAsync(request, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Requests_with_a_bad_token_count_against_the_address_until_it_is_limited()
    {
        using var guesser = gateway.CreateClient("not-a-token");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < TightLimitsGatewayHost.Burst * 3; i++)
        {
            using var response = await guesser.GetAsync("/api/planning/plans", TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }
}
