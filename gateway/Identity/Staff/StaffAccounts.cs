using System.Security.Claims;
using LearningWeek.ApiDefaults.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LearningWeek.Gateway.Identity.Staff;

/// <summary>
/// People's accounts at the built-in issuer (ASP.NET Core Identity on <c>gatewaydb</c>): the
/// standard password hasher, a minimum length rather than composition rules, lockout after
/// repeated failures, and the issuer's own sign-in cookie (the session at the issuer, not the
/// web application's).
/// </summary>
public static class StaffAccounts
{
    public const int MinimumPasswordLength = 12;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const string LoginPath = "/account/login";
    public const string CookieName = ".LearningWeek.Issuer";

    public static IHostApplicationBuilder AddStaffAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<StaffUser>(identity =>
            {
                identity.Password.RequiredLength = MinimumPasswordLength;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 4;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                identity.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                identity.User.RequireUniqueEmail = false;
                identity.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789.-_";
            })
            .AddEntityFrameworkStores<GatewayDbContext>()
            .AddSignInManager()
            .AddErrorDescriber<VietnameseIdentityErrors>();

        builder.Services.AddAuthentication().AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = LoginPath;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = false;
        }));
        // A disabled account's issuer session ends at its next request, not when its cookie expires.
        builder.Services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.Zero);
        return builder;
    }

    /// <summary>May this person sign in, or go on getting tokens, now?</summary>
    public static bool MaySignIn(StaffUser user, DateTimeOffset? now = null) =>
        !user.Disabled && !(user.LockoutEnd is { } end && end > (now ?? DateTimeOffset.UtcNow));

    /// <summary>
    /// The claims a person's tokens carry: the same as a system's (role, unit, ward) plus who the
    /// person is: <c>sub</c> (the account's id), <c>preferred_username</c> and <c>name</c>.
    /// </summary>
    public static ClaimsPrincipal PrincipalFor(StaffUser user, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, ClaimNames.Name, ClaimNames.Role);
        identity.SetClaim(ClaimNames.Subject, user.Id);
        identity.SetClaim(ClaimNames.PreferredUserName, user.UserName);
        identity.SetClaim(ClaimNames.Name, user.DisplayName);
        identity.SetClaim(ClaimNames.Role, user.Role);
        identity.SetClaim(ClaimNames.UnitCode, user.UnitCode);
        identity.SetClaim(ClaimNames.WardCode, user.WardCode);
        identity.SetScopes(scopes);
        identity.SetAudiences(IdentitySettings.DefaultAudience);
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }
}
