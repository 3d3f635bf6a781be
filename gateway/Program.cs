using FluentValidation;
using LearningWeek.ApiDefaults;
using LearningWeek.Gateway;
using LearningWeek.Gateway.Access;
using LearningWeek.Gateway.Identity;
using LearningWeek.Gateway.Identity.Staff;
using LearningWeek.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiDefaults();
builder.TrustOnlyConfiguredProxies();
var builtInIssuer = TokenIssuer.IsEnabled(builder.Configuration);
if (builtInIssuer)
{
    builder.AddBuiltInTokenIssuer();
    builder.Services.AddRazorPages();
    // Vietnamese as written, not as numeric character references.
    builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(encoder =>
        encoder.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
    // Validators hold no state: built once, not for every request (their rules are costly to build).
    builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
    builder.Services.AddHttpClient<UnitDirectory>(http => http.BaseAddress = GatewayRoutes.ClusterAddress(builder.Configuration, "planning"));
}

builder.Services.AddGatewayPolicies();
builder.Services.AddGatewayRateLimits(builder.Configuration);
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver();

var app = builder.Build();

app.UseApiDefaults(rateLimited: true);
app.MapDefaultEndpoints();
if (builtInIssuer)
{
    app.MapStaticAssets().AllowAnonymous();
    app.MapTokenEndpoint();
    app.MapSignInEndpoints();
    app.MapAccessApi();
}

app.MapApiReference();
app.MapUnknownApiPaths();
app.MapReverseProxy();

app.Run();
