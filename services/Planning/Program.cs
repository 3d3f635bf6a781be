using FluentValidation;
using LearningWeek.ApiDefaults;
using LearningWeek.EventSourcing;
using LearningWeek.Planning;
using LearningWeek.Planning.SampleData;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiDefaults();
builder.Services.AddPlanningOpenApi();
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.AddPlanningStore();
builder.AddIntegrationBus();
builder.AddSampleData();

var app = builder.Build();

app.UseApiDefaults();
app.MapDefaultEndpoints();
app.MapPlanningApi();

app.Run();
