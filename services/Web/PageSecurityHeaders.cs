namespace LearningWeek.Web;

/// <summary>
/// The application's pages run only their own scripts and styles (MudBlazor's, Blazor's), talk
/// only to their own origin (the circuit's WebSocket included) and submit forms only to it and to
/// the issuer (signing out continues there).
/// </summary>
public sealed class PageSecurityHeaders(RequestDelegate next, IConfiguration configuration)
{
    private readonly string _policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self' " + IssuerOrigin(configuration);

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static string IssuerOrigin(IConfiguration configuration) =>
        Uri.TryCreate(configuration["Identity:Authority"], UriKind.Absolute, out var authority) ? authority.GetLeftPart(UriPartial.Authority) : "";
}
