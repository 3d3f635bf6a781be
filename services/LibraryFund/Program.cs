using LearningWeek.EventSourcing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddEventStore("libraryfunddb", schemaName: "libraryfund");
builder.AddIntegrationBus();
builder.Services.AddProblemDetails();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();

app.Run();
