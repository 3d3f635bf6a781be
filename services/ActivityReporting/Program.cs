using FluentValidation;
using LearningWeek.ActivityReporting;
using LearningWeek.ActivityReporting.LibraryFund;
using LearningWeek.ActivityReporting.Plans;
using LearningWeek.ApiDefaults;
using LearningWeek.EventSourcing;
using LearningWeek.EventSourcing.Following;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiDefaults();
builder.Services.AddReportingOpenApi();
// Validators hold no state: built once, not for every request (their rules are costly to build).
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
builder.AddReportingStore();
builder.AddIntegrationBus(bus =>
{
    bus.AddConsumer<PlanningEventsConsumer>(typeof(PlanningEventsConsumerDefinition));
    bus.AddConsumer<LibraryFundEventsConsumer>(typeof(LibraryFundEventsConsumerDefinition));
});
// Whatever the bus could not bring (started late, queue lost) comes from the publishers' feeds.
builder.FollowFeed<PlanningEventsConsumer>("planning", PlanningEventsConsumerDefinition.Queue, PlanningEventsConsumer.InboxName);
builder.FollowFeed<LibraryFundEventsConsumer>("library-fund", LibraryFundEventsConsumerDefinition.Queue, LibraryFundEventsConsumer.InboxName);

var app = builder.Build();

app.UseApiDefaults();
app.MapDefaultEndpoints();
app.MapReportingApi();

app.Run();
