using LearningWeek.Web;
using LearningWeek.Web.Api;
using LearningWeek.Web.Components;
using LearningWeek.Web.Identity;
using MudBlazor.Services;

// Numbers, dates and sorting as Vietnamese readers expect, in every page and circuit.
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = Vn.Culture;
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = Vn.Culture;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWebSignIn();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddSingleton(TimeProvider.System);
// Every read and every action goes through the gateway's API, with the person's own token.
builder.Services.AddHttpClient<GatewayApi>(http => http.BaseAddress = new Uri(builder.Configuration["Gateway:Address"] ?? "http://gateway/"));
builder.Services.AddHttpClient("issuer");
builder.Services.AddHttpClient("public-api", http => http.BaseAddress = new Uri(builder.Configuration["Gateway:Address"] ?? "http://gateway/"));

var app = builder.Build();

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseMiddleware<PageSecurityHeaders>();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapStaticAssets().AllowAnonymous();
app.MapWebSignIn();
app.MapDocuments();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
