using System.Security.Claims;
using System.Security.Cryptography;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.OpenApi;
using Microsoft.AspNetCore;
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
/// The built-in OAuth 2.0 issuer (OpenIddict) for standalone deployments: client credentials for
/// unit systems, city systems and ops tools; clients kept in <c>gatewaydb</c> with hashed secrets;
/// short-lived JWT access tokens for the <c>learningweek-api</c> audience, carrying role, unit
/// code and ward code. A city deployment sets <c>Identity:Authority</c> to its own OpenID Connect
/// provider instead, and this issuer is not started.
/// </summary>
public static class TokenIssuer
{
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
                server.AllowClientCredentialsFlow();
                server.SetAccessTokenLifetime(settings.AccessTokenLifetime);
                // Resource servers (the services) validate JWTs with the published keys: no encryption.
                server.DisableAccessTokenEncryption();
                // Client-credentials tokens are self-contained and short-lived: nothing to store per token.
                server.DisableTokenStorage();
                server.RegisterAudiences(IdentitySettings.DefaultAudience);
                AddKeys(server, settings, builder.Environment);
                var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (!builder.Environment.IsProduction())
                {
                    aspNetCore.DisableTransportSecurityRequirement(); // local runs are plain HTTP on loopback
                }
            });

        builder.Services.AddHostedService<ClientRegistry>();

        // The gateway validates its own tokens in process: same keys, same issuer, no HTTP round trip.
        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, ValidateWithBuiltInIssuer>();
        return builder;
    }

    public static IEndpointConventionBuilder MapTokenEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(OpenApiSetup.TokenPath, Exchange)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.TokenEndpoint)
            .ExcludeFromDescription();

    private static async Task<IResult> Exchange(HttpContext context, IOpenIddictApplicationManager applications)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (!request.IsClientCredentialsGrantType())
        {
            return Results.Forbid(
                properties: new Microsoft.AspNetCore.Authentication.AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.UnsupportedGrantType,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "Only the client_credentials grant is supported.",
                }),
                authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        // OpenIddict has already authenticated the client (id and secret) before this runs.
        var application = await applications.FindByClientIdAsync(request.ClientId!)
            ?? throw new InvalidOperationException("The authenticated client no longer exists.");
        var client = ClientProfile.From(await applications.GetPropertiesAsync(application));

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
            server.AddDevelopmentSigningCertificate();
        }

        // Only client-credentials access tokens are issued, and they are not encrypted: the
        // encryption key OpenIddict requires protects nothing that outlives the process.
        server.AddEphemeralEncryptionKey();
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
