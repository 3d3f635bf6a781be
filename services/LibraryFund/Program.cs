using LearningWeek.ApiDefaults;
using LearningWeek.EventSourcing;
using LearningWeek.LibraryFund;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiDefaults();
builder.Services.AddLibraryFundApiOpenApi();
builder.AddEventStore("libraryfunddb", schemaName: "libraryfund");
builder.AddIntegrationBus();

var app = builder.Build();

app.UseApiDefaults();
app.MapDefaultEndpoints();
app.MapLibraryFundApi();

app.Run();
