using System.Net;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Server;

namespace LearningWeek.Gateway.Tests;

public sealed class AuthenticationTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task A_school_gets_a_short_lived_token_naming_its_role_unit_ward_and_audience()
    {
        var token = new JsonWebToken(await gateway.TokenFor("TH-TAMHUNG"));

        Assert.Equal("http://localhost/", token.Issuer);
        Assert.Equal([IdentitySettings.DefaultAudience], token.Audiences);
        Assert.Equal(Roles.Unit, token.GetClaim(ClaimNames.Role).Value);
        Assert.Equal("TH-TAMHUNG", token.GetClaim(ClaimNames.UnitCode).Value);
        Assert.Equal("HP-NAMTRIEU", token.GetClaim(ClaimNames.WardCode).Value);
        Assert.Equal("TH-TAMHUNG", token.GetClaim(ClaimNames.ClientId).Value);
        Assert.True(token.ValidTo - token.IssuedAt <= TimeSpan.FromMinutes(15));
    }

    [Theory]
    [InlineData("ward-officer", Roles.WardOfficer)]
    [InlineData("city", Roles.City)]
    [InlineData("ops", Roles.Ops)]
    [InlineData("HPN-NAMTRIEU", Roles.Unit)]
    public async Task Each_seeded_client_gets_its_role(string clientId, string role)
    {
        var token = new JsonWebToken(await gateway.TokenFor(clientId));

        Assert.Equal(role, token.GetClaim(ClaimNames.Role).Value);
    }

    [Fact]
    public async Task A_wrong_secret_gets_no_token()
    {
        using var response = await gateway.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "TH-TAMHUNG",
            ["client_secret"] = "guess",
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_client", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task No_token_is_401_with_a_problem()
    {
        using var response = await gateway.CreateClient().GetAsync("/api/planning/plans", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(gateway.Planning.Received, echo => echo.Path == "/api/planning/plans" && !echo.BearerForwarded);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("forged")]
    [InlineData("wrong audience")]
    [InlineData("wrong issuer")]
    public async Task A_bad_token_is_401_at_the_gateway_and_never_forwarded(string kind)
    {
        var key = gateway.Factory.Services.GetRequiredService<IOptions<OpenIddictServerOptions>>().Value.SigningCredentials[0].Key;
        var token = kind switch
        {
            "expired" => TestTokens.Mint(Roles.Unit, "TH-TAMHUNG", "TH-TAMHUNG", issuer: "http://localhost/", key: key,
                issuedAt: DateTime.UtcNow.AddHours(-2), lifetime: TimeSpan.FromHours(1)),
            "forged" => TestTokens.Mint(Roles.Unit, "TH-TAMHUNG", "TH-TAMHUNG", issuer: "http://localhost/", key: TestTokens.ForgerKey),
            "wrong audience" => TestTokens.Mint(Roles.Unit, "TH-TAMHUNG", "TH-TAMHUNG", issuer: "http://localhost/", key: key, audience: "another-api"),
            _ => TestTokens.Mint(Roles.Unit, "TH-TAMHUNG", "TH-TAMHUNG", issuer: "https://evil.example/", key: key),
        };
        var path = $"/api/planning/never-{kind.Replace(' ', '-')}";

        using var response = await gateway.CreateClient(token).GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(gateway.Planning.Received, echo => echo.Path == path);
    }
}
