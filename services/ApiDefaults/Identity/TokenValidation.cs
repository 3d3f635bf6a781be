using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LearningWeek.ApiDefaults.Identity;

/// <summary>The <c>Identity</c> configuration section.</summary>
public sealed class IdentitySettings
{
    public const string Section = "Identity";

    /// <summary>The audience every LearningWeek token is issued for.</summary>
    public const string DefaultAudience = "learningweek-api";

    /// <summary>
    /// The token issuer: the gateway's built-in issuer (its public URL) or a city's OpenID Connect
    /// provider. Tokens must carry it as <c>iss</c>; its discovery document gives the signing keys.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>Where to fetch the discovery document when it is not at the authority's own URL (inside a cluster).</summary>
    public string? MetadataAddress { get; set; }

    public string Audience { get; set; } = DefaultAudience;

    /// <summary>Metadata over plain HTTP is allowed only where explicitly configured (local runs).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}

public static class TokenValidation
{
    /// <summary>
    /// Bearer JWT validation from the <c>Identity</c> section: issuer, audience, lifetime and
    /// signature (keys from the authority's discovery document). Claims keep their JWT names.
    /// </summary>
    public static IHostApplicationBuilder AddTokenValidation(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(IdentitySettings.Section).Get<IdentitySettings>() ?? new IdentitySettings();
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.Authority = settings.Authority;
                if (!string.IsNullOrWhiteSpace(settings.MetadataAddress))
                {
                    options.MetadataAddress = settings.MetadataAddress;
                }

                options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                options.Audience = settings.Audience;
                options.TokenValidationParameters.ValidateIssuer = true;
                options.TokenValidationParameters.ValidateAudience = true;
                options.TokenValidationParameters.ValidAudience = settings.Audience;
                options.TokenValidationParameters.ValidateLifetime = true;
                options.TokenValidationParameters.RequireExpirationTime = true;
                options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
                options.TokenValidationParameters.RoleClaimType = ClaimNames.Role;
                options.TokenValidationParameters.NameClaimType = ClaimNames.Subject;
            });

        // Without an authority (or keys given in process, as the gateway's own issuer does) no
        // token could ever be validated: stop at start instead of answering 401 to everyone.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Validate(
                options => !string.IsNullOrWhiteSpace(options.Authority) || options.Configuration is not null
                    || options.TokenValidationParameters.IssuerSigningKeys is not null,
                "Identity:Authority is not configured: set it to the token issuer (the gateway's URL, or the city's OpenID Connect provider).")
            .ValidateOnStart();
        builder.Services.AddLearningWeekAuthorization();
        return builder;
    }
}
