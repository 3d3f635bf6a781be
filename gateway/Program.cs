using LearningWeek.ApiDefaults;
using LearningWeek.Gateway;
using LearningWeek.Gateway.Identity;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiDefaults();
if (TokenIssuer.IsEnabled(builder.Configuration))
{
    builder.AddBuiltInTokenIssuer();
}

builder.Services.AddGatewayPolicies();
builder.Services.AddGatewayRateLimits(builder.Configuration);
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver();

var app = builder.Build();

app.UseApiDefaults();
app.UseRateLimiter();
app.MapDefaultEndpoints();
if (TokenIssuer.IsEnabled(app.Configuration))
{
    app.MapTokenEndpoint();
}

app.MapApiReference();
app.MapReverseProxy();

app.Run();
