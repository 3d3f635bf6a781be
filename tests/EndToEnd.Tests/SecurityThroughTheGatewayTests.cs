using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LearningWeek.EndToEnd.Tests;

/// <summary>
/// The whole chain as a school's system meets it: a token from the gateway's issuer, accepted by
/// the gateway and by each service (which fetch the issuer's keys themselves), and the API
/// described by OpenAPI documents served through the gateway.
/// </summary>
[Collection(LocalSystemCollection.Name)]
public sealed class SecurityThroughTheGatewayTests(LocalSystem system)
{
    [Theory]
    [InlineData("planning")]
    [InlineData("reporting")]
    [InlineData("library-fund")]
    public async Task A_school_with_a_token_from_the_gateway_is_known_to_each_service(string service)
    {
        var client = system.CreateGatewayClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Token(client, "TH-TAMHUNG"));

        var caller = await client.GetFromJsonAsync<JsonElement>($"/api/{service}/whoami", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("TH-TAMHUNG", caller.GetProperty("unitCode").GetString());
        Assert.Equal("unit", caller.GetProperty("role").GetString());
        Assert.Equal("HP-NAMTRIEU", caller.GetProperty("wardCode").GetString());
    }

    [Fact]
    public async Task Without_a_token_the_gateway_answers_401()
    {
        using var response = await system.CreateGatewayClient().GetAsync("/api/planning/whoami", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("planning", "LearningWeek Planning API")]
    [InlineData("reporting", "LearningWeek ActivityReporting API")]
    [InlineData("library-fund", "LearningWeek LibraryFund API")]
    public async Task Each_service_publishes_its_openapi_document_through_the_gateway(string service, string title)
    {
        var document = await system.CreateGatewayClient().GetFromJsonAsync<JsonElement>($"/api/{service}/openapi/v1.json", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(title, document.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal("/connect/token", document.GetProperty("components").GetProperty("securitySchemes")
            .GetProperty("oauth2").GetProperty("flows").GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
    }

    [Fact]
    public async Task Every_response_through_the_gateway_carries_a_request_id()
    {
        using var response = await system.CreateGatewayClient().GetAsync("/api/planning/health", TestContext.Current.CancellationToken);

        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Request-Id").First());
    }

    internal static async Task<string> Token(HttpClient gateway, string clientId)
    {
        using var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = $"local-{clientId}",
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);
}
