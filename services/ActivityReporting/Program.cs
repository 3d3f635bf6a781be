using LearningWeek.ApiDefaults;
using LearningWeek.EventSourcing;
using LearningWeek.ActivityReporting;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiDefaults();
builder.Services.AddReportingApiOpenApi();
builder.AddEventStore("reportingdb", schemaName: "reporting");
builder.AddIntegrationBus();

var app = builder.Build();

app.UseApiDefaults();
app.MapDefaultEndpoints();
app.MapReportingApi();

app.Run();
