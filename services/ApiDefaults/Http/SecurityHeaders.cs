using Microsoft.AspNetCore.Http;

namespace LearningWeek.ApiDefaults.Http;

/// <summary>
/// Headers that keep browsers from misusing API responses (OWASP secure headers for APIs):
/// no sniffing, no framing, no referrer, no caching of personal data, a deny-all content policy.
/// Pages that run scripts (the API reference, the sign-in page) mark their endpoints with
/// <see cref="AllowPageScriptsAttribute"/> and get a policy for pages instead; the web
/// application's pages, proxied by the gateway, keep the policy the application set.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";
    private const string PagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var isPage = context.GetEndpoint()?.Metadata.GetMetadata<AllowPageScriptsAttribute>() is not null;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            // A page proxied from the web application brings its own policy; everything else gets one here.
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = isPage ? PagePolicy : ApiPolicy;
            }
            if (!headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>Marks an endpoint that serves a page with scripts (the API reference UI, the dashboard).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowPageScriptsAttribute : Attribute;
