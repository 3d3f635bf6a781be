using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace LearningWeek.Web.Identity;

/// <summary>
/// The signed-in person's access token for calls to the API, per page or per interactive circuit:
/// read from the session cookie, and renewed with the refresh token before it expires (the refresh
/// token does not roll, so the cookie's copy stays good for the whole session). When the issuer
/// refuses to renew (the account was disabled, the session ended), the session is over.
/// </summary>
public sealed class UserTokens(
    IHttpContextAccessor http, IOptionsMonitor<OpenIdConnectOptions> oidc, IHttpClientFactory clients, TimeProvider clock)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private string? _accessToken;
    private string? _refreshToken;
    private DateTimeOffset _expiresAt;
    private bool _loaded;

    public async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded)
            {
                var context = http.HttpContext ?? throw new SessionEndedException();
                _accessToken = await context.GetTokenAsync("access_token");
                _refreshToken = await context.GetTokenAsync("refresh_token");
                _expiresAt = WebSignIn.ExpiresAt(await context.GetTokenAsync("expires_at")) ?? DateTimeOffset.MinValue;
                _loaded = true;
            }

            if (_accessToken is not null && clock.GetUtcNow() < _expiresAt - Margin)
            {
                return _accessToken;
            }

            await RefreshAsync(cancellationToken);
            return _accessToken!;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (_refreshToken is null)
        {
            throw new SessionEndedException();
        }

        var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        using var response = await clients.CreateClient("issuer").PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = _refreshToken,
            ["client_id"] = options.ClientId!,
            ["client_secret"] = options.ClientSecret!,
        }), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            _accessToken = null;
            throw new SessionEndedException();
        }

        var tokens = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken) ?? throw new SessionEndedException();
        _accessToken = tokens.AccessToken;
        _expiresAt = clock.GetUtcNow().AddSeconds(tokens.ExpiresIn);
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}

/// <summary>The person's session is over (signed out, disabled, expired): they must sign in again.</summary>
public sealed class SessionEndedException() : Exception("Phiên đăng nhập đã kết thúc.");
