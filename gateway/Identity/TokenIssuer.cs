using System.Security.Claims;
using System.Security.Cryptography;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.OpenApi;
using LearningWeek.Gateway.Identity.Staff;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LearningWeek.Gateway.Identity;

/// <summary>
/// The built-in OpenID Connect issuer (OpenIddict) for standalone deployments: client credentials
/// for unit systems, city systems and ops tools; the authorization-code flow with PKCE for people
/// signing in to the web application with their staff accounts; clients and accounts kept in
/// <c>gatewaydb</c> with hashed secrets and passwords; short-lived JWT access tokens for the
/// <c>learningweek-api</c> audience, carrying role, unit code and ward code (and, for a person,
/// who they are). A city deployment sets <c>Identity:Authority</c> to its own OpenID Connect
/// provider instead, and this issuer is not started.
/// </summary>
public static class TokenIssuer
{
    public const string AuthorizePath = "/connect/authorize";
    public const string EndSessionPath = "/connect/endsession";

    public static bool IsEnabled(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[$"{IdentitySettings.Section}:{nameof(IdentitySettings.Authority)}"]);

    public static IHostApplicationBuilder AddBuiltInTokenIssuer(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(IdentitySettings.Section).Get<IssuerSettings>() ?? new IssuerSettings();
        var issuer = settings.Issuer ?? throw new InvalidOperationException(
            "Identity:Issuer is not configured: set it to the gateway's public URL (the AppHost does this), " +
            "or set Identity:Authority to use an external OpenID Connect provider.");

        builder.AddNpgsqlDbContext<GatewayDbContext>(
            GatewayDatabase.ConnectionName,
            configureSettings: npgsql => npgsql.DisableHealthChecks = true,
            configureDbContextOptions: options => options.UseOpenIddict());
        builder.Services.AddHealthChecks().AddDbContextCheck<GatewayDbContext>(
            "postgres", tags: [ServiceDefaultsExtensions.ReadyTag]);

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<GatewayDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(issuer);
                server.SetTokenEndpointUris(OpenApiSetup.TokenPath.TrimStart('/'));
                server.SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/'));
                server.SetEndSessionEndpointUris(EndSessionPath.TrimStart('/'));
                server.AllowClientCredentialsFlow();
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.AllowRefreshTokenFlow();
                // A refresh token lasts one session and does not roll: signing out, or a disabled
                // account, ends it (its tokens are stored and checked at every refresh).
                server.DisableRollingRefreshTokens();
                server.DisableSlidingRefreshTokenExpiration();
                server.SetRefreshTokenLifetime(settings.SessionLifetime);
                server.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2));
                server.SetAccessTokenLifetime(settings.AccessTokenLifetime);
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess);
                // Resource servers (the services) validate JWTs with the published keys: no encryption.
                server.DisableAccessTokenEncryption();
                server.RegisterAudiences(IdentitySettings.DefaultAudience);
                AddKeys(server, settings, builder.Environment);
                var aspNetCore = server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!builder.Environment.IsProduction())
                {
                    aspNetCore.DisableTransportSecurityRequirement(); // local runs are plain HTTP on loopback
                }
            });

        builder.AddStaffAccounts();
        builder.Services.AddHostedService<IssuerSetup>();
        builder.Services.AddHostedService<TokenPruning>();

        // The gateway validates its own tokens in process: same keys, same issuer, no HTTP round trip.
        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, ValidateWithBuiltInIssuer>();
        return builder;
    }

    public static IEndpointConventionBuilder MapTokenEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(OpenApiSetup.TokenPath, Exchange)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.TokenEndpoint)
            .ExcludeFromDescription();

    private static async Task<IResult> Exchange(
        HttpContext context, IOpenIddictApplicationManager applications, UserManager<StaffUser> users)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            return await ExchangeForPersonAsync(context, users);
        }

        if (!request.IsClientCredentialsGrantType())
        {
            return Refuse(Errors.UnsupportedGrantType, "Only the client_credentials, authorization_code and refresh_token grants are supported.");
        }

        // OpenIddict has already authenticated the client (id and secret) before this runs.
        var application = await applications.FindByClientIdAsync(request.ClientId!)
            ?? throw new InvalidOperationException("The authenticated client no longer exists.");
        var client = ClientProfile.From(await applications.GetPropertiesAsync(application));
        if (client.Disabled || client.Role.Length == 0)
        {
            return Refuse(Errors.InvalidClient, client.Disabled ? "The client is disabled." : "The client cannot use this grant.");
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, ClaimNames.Subject, ClaimNames.Role);
        identity.SetClaim(ClaimNames.Subject, request.ClientId);
        identity.SetClaim(ClaimNames.ClientId, request.ClientId);
        identity.SetClaim(ClaimNames.Name, await applications.GetDisplayNameAsync(application));
        identity.SetClaim(ClaimNames.Role, client.Role);
        identity.SetClaim(ClaimNames.UnitCode, client.UnitCode);
        identity.SetClaim(ClaimNames.WardCode, client.WardCode);
        identity.SetAudiences(IdentitySettings.DefaultAudience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// A code or refresh token for a person: issued only while the account may still sign in
    /// (not disabled, not locked out), with the account's claims as they are now.
    /// </summary>
    private static async Task<IResult> ExchangeForPersonAsync(HttpContext context, UserManager<StaffUser> users)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = result.Principal?.GetClaim(ClaimNames.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
        if (user is null || !StaffAccounts.MaySignIn(user))
        {
            return Refuse(Errors.InvalidGrant, "The account is disabled, locked out or no longer exists.");
        }

        return Results.SignIn(StaffAccounts.PrincipalFor(user, result.Principal!.GetScopes()),
            authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    internal static IResult Refuse(string error, string description) => Results.Forbid(
        properties: new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static void AddKeys(OpenIddictServerBuilder server, IssuerSettings settings, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(settings.SigningKeyPem))
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(settings.SigningKeyPem);
            var keyId = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];
            server.AddSigningKey(new RsaSecurityKey(rsa) { KeyId = keyId });
        }
        else if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                "Identity:SigningKeyPem is not configured. In Production the token signing key must come from a secret store " +
                "(an RSA private key in PEM), so that every gateway replica signs with the same key.");
        }
        else
        {
            // Local runs and tests: a key held in memory by this process. (A development certificate
            // in the user's store raced when several gateways first started at once, each making its own.)
            server.AddEphemeralSigningKey();
        }

        // Access tokens are not encrypted (the services read them). Codes and refresh tokens are,
        // and must outlive a restart: in Production the key comes from a secret store too.
        if (!string.IsNullOrWhiteSpace(settings.EncryptionKeyPem))
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(settings.EncryptionKeyPem);
            server.AddEncryptionKey(new RsaSecurityKey(rsa));
        }
        else if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                "Identity:EncryptionKeyPem is not configured. In Production the key that protects authorization codes and " +
                "refresh tokens must come from a secret store (an RSA private key in PEM), the same for every gateway replica.");
        }
        else
        {
            server.AddEphemeralEncryptionKey(); // a restart of a local gateway ends the sessions: sign in again
        }
    }

    private sealed class ValidateWithBuiltInIssuer(IOptions<OpenIddictServerOptions> server) : IPostConfigureOptions<JwtBearerOptions>
    {
        public void PostConfigure(string? name, JwtBearerOptions options)
        {
            if (name != JwtBearerDefaults.AuthenticationScheme)
            {
                return;
            }

            options.TokenValidationParameters.ValidIssuer = server.Value.Issuer!.AbsoluteUri;
            options.TokenValidationParameters.IssuerSigningKeys = [.. server.Value.SigningCredentials.Select(credentials => credentials.Key)];
        }
    }
}
