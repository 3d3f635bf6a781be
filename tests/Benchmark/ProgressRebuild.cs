using System.Diagnostics;
using JasperFx.Events.Daemon;
using LearningWeek.ActivityReporting;
using LearningWeek.ActivityReporting.Activities;
using LearningWeek.ActivityReporting.Progress;
using LearningWeek.ActivityReporting.UnitReports;
using LearningWeek.EventSourcing;
using LearningWeek.Testing;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LearningWeek.Benchmark;

/// <summary>What S5 measured: the rebuild's rate, and whether the rebuilt progress counts every report (in the plans' totals and in their units').</summary>
internal sealed record RebuildResult(long Events, TimeSpan Elapsed, long ReportsCounted, long ReportsCountedByUnit, long ReportsStored, TimeSpan Setup)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public bool CountsEveryReport => ReportsCounted == ReportsStored && ReportsCountedByUnit == ReportsStored;
}

/// <summary>
/// S5: the progress projection rebuilt from scratch, as an operator would after changing it: an
/// ActivityReporting store (its own configuration, in this process) holding
/// <c>events</c> events of ten plans (their units' obligations, then activity reports), and
/// Marten's daemon replaying all of them into the progress: a document per unit
/// (<see cref="UnitProgress"/>) and one of totals per plan (<see cref="PlanTotals"/>), one
/// projection after the other, the time of both counted.
/// </summary>
internal static class ProgressRebuild
{
    private const int Plans = 10;
    private const int UnitsPerPlan = 500;
    private const int EventsPerSession = 2_000;

    public static async Task<RebuildResult> RunAsync(TestServers servers, int events, Action<string> progress)
    {
        var database = await servers.CreateDatabaseAsync("bench_rebuild");
        var virtualHost = await servers.CreateVirtualHostAsync("bench_rebuild");
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:reportingdb"] = database,
                ["ConnectionStrings:messaging"] = virtualHost.ToString(),
            });
            builder.AddReportingStore();
            builder.AddIntegrationBus(); // what the store's publisher needs; the host is never started
            using var host = builder.Build();
            var store = host.Services.GetRequiredService<IDocumentStore>();
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

            var setup = Stopwatch.StartNew();
            var reports = await AppendAsync(store, events);
            var stored = setup.Elapsed;
            progress($"{events:N0} events stored in {stored.TotalSeconds:0} s; rebuilding the progress");

            using var daemon = await store.BuildProjectionDaemonAsync();
            var clock = Stopwatch.StartNew();
            await daemon.RebuildProjectionAsync<UnitProgressProjection>(TimeSpan.FromMinutes(30), CancellationToken.None);
            await daemon.RebuildProjectionAsync<PlanTotalsProjection>(TimeSpan.FromMinutes(30), CancellationToken.None);
            var elapsed = clock.Elapsed;

            await using var query = store.QuerySession();
            var totals = await query.Query<PlanTotals>().ToListAsync();
            var units = await query.Query<UnitProgress>().ToListAsync();
            return new RebuildResult(events, elapsed, totals.Sum(plan => (long)plan.All.ActivityReports), units.Sum(unit => (long)unit.ActivityReports), reports, stored);
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await servers.DropDatabaseAsync(database);
            await servers.DeleteVirtualHostAsync(virtualHost);
        }
    }

    /// <summary>Stores the events as the service stores them (streams with their inline snapshots), two writers at once; returns the activity reports among them.</summary>
    private static async Task<long> AppendAsync(IDocumentStore store, int events)
    {
        var plans = Enumerable.Range(0, Plans).Select(_ => StreamIds.New()).ToArray();
        var due = DateTimeOffset.UtcNow.AddDays(30);
        var now = DateTimeOffset.UtcNow;
        var content = new ActivityContent("3.2", "Ngày hội đọc sách", DateOnly.FromDateTime(now.UtcDateTime), null, "Thư viện trường",
            ["Trực tiếp"], new ParticipantCounts(120, 8, 0, 0, 0), 1, [], null);
        var obligations = Plans * UnitsPerPlan;
        var batches = (events + EventsPerSession - 1) / EventsPerSession;
        await Parallel.ForEachAsync(Enumerable.Range(0, batches), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (batch, cancellationToken) =>
        {
            await using var session = store.LightweightSession();
            for (var i = batch * EventsPerSession; i < Math.Min(events, (batch + 1) * EventsPerSession); i++)
            {
                var plan = plans[i % Plans];
                var unit = $"TH-{i / Plans % UnitsPerPlan:D5}";
                if (i < obligations)
                {
                    session.Events.StartStream<UnitReport>(UnitReport.StreamId(plan, unit),
                        new ReportingObligationOpened(plan, unit, "primary", Ward.Code, due, i, now));
                }
                else
                {
                    var id = StreamIds.New();
                    session.Events.StartStream<ActivityReport>(id, new ActivityReported(id, plan, unit, "primary", Ward.Code, content, now, unit));
                }
            }

            await session.SaveChangesAsync(cancellationToken);
        });
        return Math.Max(0, events - obligations);
    }
}
