using LearningWeek.ActivityReporting.Tests.Api;
using LearningWeek.Contracts;
using LearningWeek.Contracts.LibraryFund;
using LearningWeek.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LearningWeek.ActivityReporting.Tests.Reliability;

/// <summary>
/// ActivityReporting killed with SIGKILL three times while it consumes a burst of Planning's and
/// LibraryFund's events, and started again each time on the same database and queues: every event has its effect, and
/// those handled just before the kill but not yet acknowledged (so delivered again) have it once.
/// The money received is a sum, so a second effect would show in it.
/// </summary>
public sealed class ConsumerCrashTests
{
    private const int Plans = 20;
    private const int ReceiptsPerPlan = 30;
    private const long Amount = 1_000_000;
    private static readonly string[] Targets = ["TH-CRASH", "MN-CRASH", "THCS-CRASH"];

    [Fact]
    public async Task A_consumer_killed_mid_burst_applies_every_event_exactly_once_after_restart()
    {
        var servers = await TestServers.GetAsync();
        var database = await servers.CreateDatabaseAsync("reporting_crash");
        var virtualHost = await servers.CreateVirtualHostAsync("reporting_crash");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__reportingdb"] = database,
                ["ConnectionStrings__messaging"] = virtualHost.ToString(),
                ["Identity__Authority"] = TestTokens.Issuer,
            };
            var feed = new PlanningFeed(new ServiceCollection().BuildServiceProvider());
            var plans = Enumerable.Range(0, Plans).Select(_ => Guid.NewGuid()).ToList();
            var events = new List<IIntegrationEvent>();
            foreach (var planId in plans)
            {
                events.Add(feed.Issued(planId, PlanningFeed.NextSequence(), (Targets[0], "primary"), (Targets[1], "kindergarten"), (Targets[2], "lower-secondary")));
                events.AddRange(Enumerable.Range(1, ReceiptsPerPlan).Select(i => new DonationReceived(
                    Guid.NewGuid(), planId, feed.Ward, "money", $"PT-{i}", new DateOnly(2026, 10, 6), Amount, Amount, DateTimeOffset.UtcNow, Guid.NewGuid(), i)));
            }

            var expected = Plans * ReceiptsPerPlan * Amount;
            await using (var publisher = await OutsidePublisher.StartAsync(servers.AdministratorOn(virtualHost)))
            {
                await using var first = await ServiceProcess.StartAsync("ActivityReporting", environment); // binds its queues
                // Interleaved across plans, so a kill finds several plans' figures half counted.
                foreach (var message in events.OrderBy(message => message is DonationReceived).ThenBy(_ => Random.Shared.Next()))
                {
                    await publisher.PublishAsync(message);
                }

                await KillWhenReceived(first, database, expected / 5);
            }

            // Killed again twice mid-burst: each kill may find a message handled (committed) and not yet
            // acknowledged, which the broker then delivers again.
            foreach (var share in new[] { 2, 3 })
            {
                await using var again = await ServiceProcess.StartAsync("ActivityReporting", environment);
                await KillWhenReceived(again, database, expected * share / 5);
            }

            var beforeRestart = await ReceivedVnd(database);
            await using var last = await ServiceProcess.StartAsync("ActivityReporting", environment);

            var total = await Eventually.Get(() => ReceivedVnd(database), until: sum => sum >= expected, TimeSpan.FromSeconds(90));
            Assert.True(beforeRestart < expected, "the last kill came after every event was handled; the test proved nothing");
            Assert.Equal(expected, total);
            Assert.All(await ReceivedByPlan(database), plan => Assert.Equal(ReceiptsPerPlan * Amount, plan.Value));
            Assert.Equal(Plans * Targets.Length, await Obligations(database));
            Assert.Equal(0, await servers.DeadLetteredAsync(virtualHost));
        }
        finally
        {
            await servers.DropDatabaseAsync(database);
            await servers.DeleteVirtualHostAsync(virtualHost);
        }
    }

    /// <summary>SIGKILL once the money counted has reached <paramref name="received"/>: mid-burst, never at its end.</summary>
    private static async Task KillWhenReceived(ServiceProcess service, string database, long received)
    {
        await Eventually.Get(() => ReceivedVnd(database), until: total => total >= received, TimeSpan.FromSeconds(60));
        await service.KillAsync();
    }

    private static async Task<long> ReceivedVnd(string database) => (await ReceivedByPlan(database)).Values.Sum();

    private static async Task<Dictionary<string, long>> ReceivedByPlan(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        if (!await TableExists(connection, "mt_doc_libraryfundfigures"))
        {
            return [];
        }

        await using var command = new NpgsqlCommand("SELECT id::text, (data->>'receivedVnd')::bigint FROM reporting.mt_doc_libraryfundfigures", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var figures = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            figures[reader.GetString(0)] = reader.GetInt64(1);
        }

        return figures;
    }

    private static async Task<long> Obligations(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM reporting.mt_doc_unitreport", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<bool> TableExists(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection) { Parameters = { new() { Value = $"reporting.{table}" } } };
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
