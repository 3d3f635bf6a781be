using System.Globalization;
using System.Security.Claims;
using LearningWeek.ServiceDefaults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace LearningWeek.Web.Identity;

/// <summary>The <c>Identity</c> section of the web application: the issuer it signs people in with.</summary>
public sealed class WebIdentitySettings
{
    public const string Section = "Identity";

    /// <summary>The issuer (the gateway's public URL, or the city's OpenID Connect provider).</summary>
    public string? Authority { get; set; }

    /// <summary>Where to read the discovery document when it is not under the authority (inside a cluster).</summary>
    public string? MetadataAddress { get; set; }

    public bool RequireHttpsMetadata { get; set; } = true;

    public string ClientId { get; set; } = "web";

    /// <summary>The application's client secret (a secret store in Production; <c>local-web</c> on a local run).</summary>
    public string? ClientSecret { get; set; }
}

/// <summary>
/// People sign in to the web application as an ordinary OpenID Connect client of the issuer: the
/// authorization-code flow with PKCE, a session cookie of the application's own, the tokens kept in
/// it (encrypted by Data Protection) for the calls the application makes to the API on the person's
/// behalf. Sign-out ends the session here and at the issuer.
/// </summary>
public static class WebSignIn
{
    public const string SignInPath = "/account/signin";
    public const string SignOutPath = "/account/signout";
    public const string SignedOutPath = "/signed-out";
    public const string CookieName = ".LearningWeek.Web";

    public static IHostApplicationBuilder AddWebSignIn(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(WebIdentitySettings.Section).Get<WebIdentitySettings>() ?? new WebIdentitySettings();
        if (string.IsNullOrWhiteSpace(settings.Authority) || string.IsNullOrWhiteSpace(settings.ClientSecret))
        {
            throw new InvalidOperationException(
                "Identity:Authority and Identity:ClientSecret are required: the issuer people sign in with (the gateway's public URL) " +
                "and this application's client secret there.");
        }

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(10); // the issuer's session (refresh token) lasts as long
                cookie.SlidingExpiration = false;
                cookie.AccessDeniedPath = "/access-denied";
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = settings.Authority;
                if (!string.IsNullOrWhiteSpace(settings.MetadataAddress))
                {
                    oidc.MetadataAddress = settings.MetadataAddress;
                }

                oidc.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                oidc.ClientId = settings.ClientId;
                oidc.ClientSecret = settings.ClientSecret;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                oidc.UsePkce = true;
                oidc.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "offline_access" })
                {
                    oidc.Scope.Add(scope);
                }

                oidc.SaveTokens = true;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.MapInboundClaims = false;
                oidc.TokenValidationParameters.NameClaimType = "name";
                oidc.TokenValidationParameters.RoleClaimType = "role";
                oidc.SignedOutRedirectUri = SignedOutPath;
                // Plain HTTP on a local run: the correlation cookies must not demand SameSite=None (which needs HTTPS).
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.Events.OnRedirectToIdentityProvider = context =>
                {
                    context.ProtocolMessage.UiLocales = "vi";
                    return Task.CompletedTask;
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<UserTokens>();

        // Behind the gateway: the public scheme and host it saw, so the redirect URI is the public one.
        builder.TrustForwardedHeaders(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
        return builder;
    }

    public static IEndpointRouteBuilder MapWebSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SignInPath, (string? returnUrl) => Results.Challenge(
                new AuthenticationProperties { RedirectUri = IsLocal(returnUrl) ? returnUrl : "/" },
                [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous();
        endpoints.MapPost(SignOutPath, () => Results.SignOut(
                new AuthenticationProperties { RedirectUri = SignedOutPath },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]))
            .RequireAuthorization();
        return endpoints;
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    public static string? Role(this ClaimsPrincipal user) => user.FindFirstValue("role");

    public static string? UnitCode(this ClaimsPrincipal user) => user.FindFirstValue("unit_code");

    public static string? WardCode(this ClaimsPrincipal user) => user.FindFirstValue("ward_code");

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue("name") ?? user.FindFirstValue("preferred_username") ?? "";

    internal static DateTimeOffset? ExpiresAt(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
}
