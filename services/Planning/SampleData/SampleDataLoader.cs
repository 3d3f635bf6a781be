using LearningWeek.ApiDefaults.Identity;
using LearningWeek.EventSourcing;
using LearningWeek.Planning.Plans;
using LearningWeek.Planning.Units;
using Marten;

namespace LearningWeek.Planning.SampleData;

/// <summary>
/// Loads the Nam Triệu 2025 sample into a local run, once: as the ward officer, through the same
/// decisions the API runs (register the units, draft the plan, add its lines and
/// responsibilities, issue it), so it produces the same events and integration events as a user
/// would. Enabled by <c>SampleData:Enabled</c> (the AppHost sets it for local runs).
/// </summary>
public sealed partial class SampleDataLoader(IDocumentStore store, TimeProvider clock, ILogger<SampleDataLoader> logger) : IHostedService
{
    public static readonly Guid PlanId = StreamIds.For("sample-plan", NamTrieu2025.WardCode, "2025");

    private static readonly Caller WardOfficer = new("sample-data", Roles.WardOfficer, "UBND-NAMTRIEU", NamTrieu2025.WardCode);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<Plan>(PlanId, cancellationToken) is not null)
        {
            LogAlreadyLoaded(logger);
            return;
        }

        var registered = 0;
        foreach (var unit in NamTrieu2025.Units)
        {
            if (await session.LoadAsync<Unit>(Unit.StreamId(unit.Code!), cancellationToken) is null)
            {
                var outcome = await session.StartAsync<Unit>(Unit.StreamId(unit.Code!), RegisterUnit.Decide(unit, WardOfficer, clock.GetUtcNow()), cancellationToken);
                registered += Ensure(outcome, $"unit {unit.Code}");
            }
        }

        Ensure(await session.StartAsync<Plan>(PlanId, DraftPlan.Draft(PlanId, NamTrieu2025.Content, WardOfficer, clock.GetUtcNow()), cancellationToken), "draft");
        foreach (var line in NamTrieu2025.ActivityLines)
        {
            Ensure(await session.DecideAsync<Plan>(PlanId, null, plan => ActivityLines.Add(plan, line, WardOfficer, clock.GetUtcNow()), cancellationToken), $"line {line.Code}");
        }

        foreach (var responsibility in NamTrieu2025.Responsibilities)
        {
            Ensure(await session.DecideAsync<Plan>(PlanId, null, plan => Responsibilities.Assign(plan, responsibility, WardOfficer, clock.GetUtcNow()), cancellationToken), responsibility.Title);
        }

        var units = await session.Query<Unit>().Where(unit => unit.WardCode == NamTrieu2025.WardCode && unit.Active).ToListAsync(cancellationToken);
        Ensure(await session.DecideAsync<Plan>(PlanId, null, plan => IssuePlan.Decide(plan, new IssuePlan.Request(Number: null), units, WardOfficer, clock.GetUtcNow()), cancellationToken), "issue");
        LogLoaded(logger, registered, NamTrieu2025.ActivityLines.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static int Ensure<T>(CommandOutcome<T> outcome, string step) => outcome is CommandOutcome<T>.Applied
        ? 1
        : throw new InvalidOperationException($"Loading the sample data failed at {step}: {outcome}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample data already loaded (Nam Triệu 2025 plan exists)")]
    private static partial void LogAlreadyLoaded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample data loaded: {Units} units registered, the Nam Triệu 2025 plan drafted with {Lines} activity lines and issued")]
    private static partial void LogLoaded(ILogger logger, int units, int lines);
}

public static class SampleDataExtensions
{
    public static IHostApplicationBuilder AddSampleData(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>("SampleData:Enabled"))
        {
            builder.Services.AddHostedService<SampleDataLoader>();
        }

        return builder;
    }
}
