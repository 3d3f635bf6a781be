using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.Tokens;

namespace LearningWeek.Gateway.Tests;

/// <summary>
/// What a browser and the web application do to sign a person in, step by step over HTTP: the
/// authorization request with PKCE, the sign-in form (with its anti-forgery token), the redirect
/// back with a code, and the code exchanged at the token endpoint by the web application.
/// </summary>
public sealed partial class SignInFlow(WebApplicationFactory<Program> factory) : IDisposable
{
    public const string ClientId = "web";
    public const string ClientSecret = "local-web";
    public static readonly Uri RedirectUri = new("http://127.0.0.1:8080/signin-oidc");

    // A browser over real HTTP to the Kestrel server: cookies kept, redirects seen one by one.
    private readonly HttpClient _browser = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
    {
        BaseAddress = factory.CreateClient().BaseAddress,
    };
    private readonly string _verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public string Verifier => _verifier;

    /// <summary>The page the browser shows after the person submits the form, when it is not a redirect.</summary>
    public string? Page { get; private set; }

    public async Task<Tokens?> SignInAsync(string userName, string password, bool sendVerifier = true)
    {
        var code = await AuthorizeAsync(userName, password);
        return code is null ? null : await ExchangeAsync(code, sendVerifier ? _verifier : null);
    }

    /// <summary>The code the browser brings back to the web application, or null if the person stays on the sign-in page.</summary>
    public async Task<string?> AuthorizeAsync(string userName, string password)
    {
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(_verifier)));
        var authorize = "/connect/authorize?" + string.Join('&', new Dictionary<string, string>
        {
            ["client_id"] = ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri.ToString(),
            ["scope"] = "openid profile offline_access",
            ["state"] = "state-1",
            ["nonce"] = "nonce-1",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        }.Select(pair => $"{pair.Key}={Uri.EscapeDataString(pair.Value)}"));

        using var first = await _browser.GetAsync(authorize);
        var location = first.Headers.Location?.ToString();
        if (location is not null && location.StartsWith(RedirectUri.ToString(), StringComparison.Ordinal))
        {
            return CodeFrom(location); // already signed in at the issuer
        }

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("/account/login", location);
        var form = await _browser.GetStringAsync(location);
        var antiforgery = AntiforgeryToken().Match(form).Groups[1].Value;
        var returnUrl = WebUtility.HtmlDecode(ReturnUrl().Match(form).Groups[1].Value);

        using var posted = await _browser.PostAsync(location, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["ReturnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = antiforgery,
        }));
        if (posted.StatusCode != HttpStatusCode.Redirect)
        {
            Page = await posted.Content.ReadAsStringAsync();
            return null;
        }

        using var back = await _browser.GetAsync(posted.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        return CodeFrom(back.Headers.Location!.ToString());
    }

    public async Task<Tokens> ExchangeAsync(string code, string? verifier)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri.ToString(),
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
        };
        if (verifier is not null)
        {
            form["code_verifier"] = verifier;
        }

        return await TokenRequestAsync(form);
    }

    public async Task<Tokens> RefreshAsync(string refreshToken) => await TokenRequestAsync(new Dictionary<string, string>
    {
        ["grant_type"] = "refresh_token",
        ["refresh_token"] = refreshToken,
        ["client_id"] = ClientId,
        ["client_secret"] = ClientSecret,
    });

    private async Task<Tokens> TokenRequestAsync(Dictionary<string, string> form)
    {
        using var response = await factory.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var tokens = await response.Content.ReadFromJsonAsync<Tokens>();
        return tokens! with { Status = response.StatusCode };
    }

    private static string CodeFrom(string location)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(location).Query);
        Assert.Equal("state-1", query["state"]);
        return query["code"] ?? throw new InvalidOperationException($"No code in {location}");
    }

    /// <summary>The web application sends the browser to the end-session endpoint: the issuer's session ends.</summary>
    public async Task EndSessionAsync()
    {
        using var response = await _browser.GetAsync("/connect/endsession");
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"end session: {(int)response.StatusCode}");
    }

    public void Dispose() => _browser.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"ReturnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrl();
}

public sealed record Tokens(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("id_token")] string? IdToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("error")] string? Error,
    HttpStatusCode Status = HttpStatusCode.OK);
