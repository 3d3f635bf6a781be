using LearningWeek.ApiDefaults.Http;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LearningWeek.Gateway.Identity.Staff;

/// <summary>
/// The interactive part of the issuer: the authorization endpoint (code flow with PKCE, for the
/// web application) and the end-session endpoint. The sign-in form itself is the Razor page
/// <c>/account/login</c>.
/// </summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(TokenIssuer.AuthorizePath, [HttpMethods.Get, HttpMethods.Post], Authorize)
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimits.TokenEndpoint)
            .ExcludeFromDescription();
        endpoints.MapMethods(TokenIssuer.EndSessionPath, [HttpMethods.Get, HttpMethods.Post], EndSession)
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        endpoints.MapRazorPages().WithMetadata(new AllowPageScriptsAttribute());
        return endpoints;
    }

    /// <summary>
    /// A person signed in at the issuer (its cookie) gets a code for the client at once (the
    /// campaign's own application asks no consent); anyone else goes to the sign-in page first.
    /// </summary>
    private static async Task<IResult> Authorize(HttpContext context, UserManager<StaffUser> users, SignInManager<StaffUser> signIn)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal!) : null;
        if (user is not null && !StaffAccounts.MaySignIn(user))
        {
            await signIn.SignOutAsync();
            user = null;
        }

        if (user is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return TokenIssuer.Refuse(Errors.LoginRequired, "The user is not signed in.");
            }

            // Back to this same request after signing in, without prompt=login (or it would loop).
            var parameters = (context.Request.HasFormContentType ? context.Request.Form.AsEnumerable() : context.Request.Query.AsEnumerable())
                .Where(parameter => parameter.Key != Parameters.Prompt)
                .ToList();
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters) },
                [IdentityConstants.ApplicationScheme]);
        }

        return Results.SignIn(StaffAccounts.PrincipalFor(user, request.GetScopes()),
            authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Ends the session at the issuer, then returns to the client's registered post-logout page.</summary>
    private static async Task<IResult> EndSession(SignInManager<StaffUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
