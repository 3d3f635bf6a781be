using FluentValidation;
using LearningWeek.ApiDefaults;
using LearningWeek.EventSourcing;
using LearningWeek.EventSourcing.Following;
using LearningWeek.LibraryFund;
using LearningWeek.LibraryFund.Funds;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiDefaults();
builder.Services.AddLibraryFundApiOpenApi();
// Validators hold no state: built once, not for every request (their rules are costly to build).
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
builder.AddLibraryFundStore();
builder.AddIntegrationBus(bus => bus.AddConsumer<FundsConsumer>(typeof(FundsConsumerDefinition)));
// Whatever the bus could not bring (started late, queue lost) comes from Planning's feed.
builder.FollowFeed<FundsConsumer>("planning", FundsConsumerDefinition.Queue, FundsConsumer.InboxName);

var app = builder.Build();

app.UseApiDefaults();
app.MapDefaultEndpoints();
app.MapLibraryFundApi();

app.Run();
