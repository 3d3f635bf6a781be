using LearningWeek.ApiDefaults;
using LearningWeek.EventSourcing;
using LearningWeek.Planning;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiDefaults();
builder.Services.AddPlanningApiOpenApi();
builder.AddEventStore("planningdb", schemaName: "planning");
builder.AddIntegrationBus();

var app = builder.Build();

app.UseApiDefaults();
app.MapDefaultEndpoints();
app.MapPlanningApi();

app.Run();
