using LearningWeek.EventSourcing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddEventStore("planningdb", schemaName: "planning");
builder.AddIntegrationBus();
builder.Services.AddProblemDetails();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();

app.Run();
