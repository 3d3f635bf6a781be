using System.Net;
using System.Net.Http.Json;
using LearningWeek.ApiDefaults.Identity;
using Xunit;

namespace LearningWeek.Testing;

/// <summary>
/// Token validation in every service, called directly (bypassing the gateway): the service
/// trusts only valid tokens of its authority, for its audience, with a LearningWeek role.
/// </summary>
public abstract class ServiceSecurityTests<TEntryPoint>(ServiceFixture<TEntryPoint> service, string apiPrefix)
    where TEntryPoint : class
{
    private string WhoAmI => $"{apiPrefix}/whoami";

    [Fact]
    public async Task Without_a_token_the_service_answers_401_with_a_problem()
    {
        using var response = await service.CreateClient().GetAsync(WhoAmI);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_valid_token_is_taken_at_its_word_for_role_unit_and_ward()
    {
        var caller = await service.CreateClient(TestTokens.Unit("TH-TAMHUNG")).GetFromJsonAsync<Caller>(WhoAmI);

        Assert.Equal(new Caller("TH-TAMHUNG", Roles.Unit, "TH-TAMHUNG", TestTokens.Ward), caller);
    }

    public static TheoryData<string, string> RejectedTokens => new()
    {
        { "expired", TestTokens.Expired("TH-TAMHUNG") },
        { "forged", TestTokens.Forged("TH-TAMHUNG") },
        { "wrong audience", TestTokens.ForAnotherAudience("TH-TAMHUNG") },
        { "wrong issuer", TestTokens.FromAnotherIssuer("TH-TAMHUNG") },
        { "not a JWT", "not-a-token" },
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task A_bad_token_is_rejected_with_401(string kind, string token)
    {
        using var response = await service.CreateClient(token).GetAsync(WhoAmI);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{kind} token: {response.StatusCode}");
    }

    [Fact]
    public async Task A_valid_token_without_a_learningweek_role_is_403()
    {
        using var response = await service.CreateClient(TestTokens.Mint("student", "someone")).GetAsync(WhoAmI);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Its_openapi_document_is_public_and_declares_the_token_endpoint()
    {
        var document = await service.CreateClient().GetStringAsync($"{apiPrefix}/openapi/v1.json");

        Assert.Contains("\"clientCredentials\"", document);
        Assert.Contains("/connect/token", document);
        Assert.Contains($"{apiPrefix}/whoami", document);
    }
}
