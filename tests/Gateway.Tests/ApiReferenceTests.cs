using System.Net;

namespace LearningWeek.Gateway.Tests;

public sealed class ApiReferenceTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task The_api_reference_page_lists_the_three_services_and_the_client_credentials_flow()
    {
        using var response = await gateway.CreateClient().GetAsync("/docs/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        // Scalar resolves these against the application's root: /api/planning/openapi/v1.json, …
        Assert.Contains("\"api/planning/openapi/v1.json\"", page);
        Assert.Contains("\"api/reporting/openapi/v1.json\"", page);
        Assert.Contains("\"api/library-fund/openapi/v1.json\"", page);
        Assert.Contains("clientCredentials", page);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
