using FluentValidation;
using LearningWeek.ApiDefaults;
using LearningWeek.EventSourcing;
using LearningWeek.Planning;
using LearningWeek.Planning.SampleData;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiDefaults();
builder.Services.AddPlanningOpenApi();
// Validators hold no state: built once, not for every request (their rules are costly to build).
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
builder.AddPlanningStore();
builder.AddIntegrationBus();
builder.AddSampleData();

var app = builder.Build();

app.UseApiDefaults();
app.MapDefaultEndpoints();
app.MapPlanningApi();

app.Run();
