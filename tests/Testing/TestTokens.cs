using System.Security.Claims;
using System.Security.Cryptography;
using LearningWeek.ApiDefaults.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace LearningWeek.Testing;

/// <summary>
/// Tokens for any role, unit and ward, signed by a test issuer that services under test trust
/// (<see cref="TrustTestIssuer"/>); and the bad ones: expired, forged, for another audience.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://issuer.tests.learningweek.invalid/";
    public const string Ward = "HP-NAMTRIEU";

    public static readonly RsaSecurityKey SigningKey = NewKey("test-issuer");

    /// <summary>A key nobody trusts: what a forger signs with.</summary>
    public static readonly RsaSecurityKey ForgerKey = NewKey("forger");

    public static string WardOfficer(string ward = Ward) => Mint(Roles.WardOfficer, "ward-officer", unitCode: "UBND-NAMTRIEU", wardCode: ward);

    public static string Unit(string unitCode, string ward = Ward) => Mint(Roles.Unit, unitCode, unitCode, ward);

    public static string City() => Mint(Roles.City, "city");

    public static string Ops() => Mint(Roles.Ops, "ops");

    /// <summary>
    /// A person's token, as the built-in issuer gives the web application after a sign-in: the
    /// application's client id, and the person's id, user name and display name.
    /// </summary>
    public static string Person(string role, string userName, string displayName, string? unitCode = null, string? wardCode = Ward) =>
        Mint(role, "web", unitCode, wardCode, person: (userName, displayName));

    public static string Mint(
        string role,
        string clientId,
        string? unitCode = null,
        string? wardCode = Ward,
        string audience = IdentitySettings.DefaultAudience,
        string issuer = Issuer,
        TimeSpan? lifetime = null,
        DateTime? issuedAt = null,
        SecurityKey? key = null,
        (string UserName, string DisplayName)? person = null)
    {
        var issued = issuedAt ?? DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            [ClaimNames.Subject] = clientId,
            [ClaimNames.ClientId] = clientId,
            [ClaimNames.Role] = role,
        };
        if (person is { } who)
        {
            claims[ClaimNames.Subject] = Guid.NewGuid().ToString();
            claims[ClaimNames.PreferredUserName] = who.UserName;
            claims[ClaimNames.Name] = who.DisplayName;
        }

        if (unitCode is not null)
        {
            claims[ClaimNames.UnitCode] = unitCode;
        }

        if (wardCode is not null)
        {
            claims[ClaimNames.WardCode] = wardCode;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = issued + (lifetime ?? TimeSpan.FromMinutes(15)),
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A token that expired an hour ago (well past any clock skew).</summary>
    public static string Expired(string unitCode) =>
        Mint(Roles.Unit, unitCode, unitCode, issuedAt: DateTime.UtcNow.AddHours(-2), lifetime: TimeSpan.FromHours(1));

    public static string Forged(string unitCode) => Mint(Roles.Unit, unitCode, unitCode, key: ForgerKey);

    public static string ForAnotherAudience(string unitCode) => Mint(Roles.Unit, unitCode, unitCode, audience: "another-api");

    public static string FromAnotherIssuer(string unitCode) => Mint(Roles.Unit, unitCode, unitCode, issuer: "https://evil.example/");

    /// <summary>
    /// Makes a host under test validate tokens of the test issuer instead of fetching an
    /// authority's discovery document; everything else about validation stays as configured.
    /// </summary>
    public static IServiceCollection TrustTestIssuer(this IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(SigningKey);
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            options.TokenValidationParameters.ValidIssuer = Issuer;
        });

    private static RsaSecurityKey NewKey(string id) => new(RSA.Create(2048)) { KeyId = id };
}
