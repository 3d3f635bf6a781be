using FluentValidation;
using LearningWeek.ActivityReporting;
using LearningWeek.ActivityReporting.LibraryFund;
using LearningWeek.ActivityReporting.Plans;
using LearningWeek.ApiDefaults;
using LearningWeek.EventSourcing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiDefaults();
builder.Services.AddReportingOpenApi();
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.AddReportingStore();
builder.AddIntegrationBus(bus =>
{
    bus.AddConsumer<PlanningEventsConsumer>(typeof(PlanningEventsConsumerDefinition));
    bus.AddConsumer<LibraryFundEventsConsumer>(typeof(LibraryFundEventsConsumerDefinition));
});

var app = builder.Build();

app.UseApiDefaults();
app.MapDefaultEndpoints();
app.MapReportingApi();

app.Run();
