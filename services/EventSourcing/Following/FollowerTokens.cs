using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;

namespace LearningWeek.EventSourcing.Following;

/// <summary>
/// The service's own token for reading another service's feed: client credentials
/// (<c>Following:ClientId</c>, <c>Following:ClientSecret</c>) at the issuer the service trusts
/// (<c>Identity:Authority</c>), kept until a minute before it expires.
/// </summary>
public sealed class FollowerTokens(IHttpClientFactory http, IConfiguration configuration, TimeProvider clock)
{
    public const string HttpClientName = "follower-tokens";

    private readonly SemaphoreSlim _lock = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _current;

    public async Task<AuthenticationHeaderValue> AuthorizationAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_current is not { } current || clock.GetUtcNow() >= current.RenewAt)
            {
                current = await RequestAsync(cancellationToken);
                _current = current;
            }

            return new AuthenticationHeaderValue("Bearer", current.Token);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<(string, DateTimeOffset)> RequestAsync(CancellationToken cancellationToken)
    {
        var authority = RequiredConfiguration.Value(configuration, "Identity:Authority").TrimEnd('/');
        using var client = http.CreateClient(HttpClientName);
        using var response = await client.PostAsync($"{authority}/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = RequiredConfiguration.Value(configuration, "Following:ClientId"),
            ["client_secret"] = RequiredConfiguration.Value(configuration, "Following:ClientSecret"),
        }), cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
            ?? throw new InvalidOperationException("The issuer answered no token.");
        return (token.AccessToken, clock.GetUtcNow().AddSeconds(Math.Max(30, token.ExpiresIn - 60)));
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
