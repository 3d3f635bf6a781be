using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JasperFx;
using LearningWeek.Planning.Units;
using LearningWeek.Testing;
using Marten;
using Weasel.Core;

namespace LearningWeek.Planning.Tests.Api;

/// <summary>
/// What is stored is published, at least once, whatever happens to the broker or the process:
/// checked by an outside subscriber on a real RabbitMQ, after de-duplication by MessageId.
/// </summary>
public sealed class PublicationReliabilityTests(PlanningService service) : IClassFixture<PlanningService>
{
    private static readonly Type UnitRegisteredExchange = typeof(LearningWeek.Contracts.Planning.UnitRegistered);

    [Fact]
    public async Task Events_stored_while_the_broker_is_down_are_all_published_when_it_comes_back()
    {
        await using var city = await OutsideSubscriber.StartAsync(service.Servers.AdministratorOn(service.VirtualHost), UnitRegisteredExchange);
        var officer = service.CreateClient(TestTokens.WardOfficer());
        var codes = Enumerable.Range(1, 20).Select(i => $"OUTAGE-{i:D2}").ToList();

        service.BrokerLink.Cut();
        try
        {
            foreach (var code in codes)
            {
                using var response = await officer.PostAsJsonAsync("/api/planning/units", new { code, name = $"Đơn vị {code}", kind = "primary" }, cancellationToken: TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode); // the write does not need the broker
            }

            // The service says so, and stays ready for requests: Degraded, not unavailable.
            // A publish is given up after its timeout (10 s) before the check turns Degraded.
            var health = await Eventually.Get(
                () => service.CreateClient().GetFromJsonAsync<JsonElement>("/health"),
                until: report => report.GetProperty("checks").GetProperty("integration-events").GetProperty("status").GetString() == "Degraded",
                TimeSpan.FromSeconds(60));
            Assert.Equal("Degraded", health.GetProperty("status").GetString());
            Assert.Equal("Degraded", health.GetProperty("checks").GetProperty("rabbitmq").GetProperty("status").GetString());
            Assert.DoesNotContain(city.Received, message => message.Message.GetProperty("unitCode").GetString()!.StartsWith("OUTAGE-", StringComparison.Ordinal));
        }
        finally
        {
            service.BrokerLink.Restore();
        }

        var received = await city.WaitFor(messages => codes.All(code => messages.Any(m => m.Message.GetProperty("unitCode").GetString() == code)), TimeSpan.FromSeconds(60));
        Assert.All(codes, code => Assert.Contains(received, message => message.Message.GetProperty("unitCode").GetString() == code));
        var recovered = await Eventually.Get(
            () => service.CreateClient().GetFromJsonAsync<JsonElement>("/health"),
            until: report => report.GetProperty("status").GetString() == "Healthy", TimeSpan.FromSeconds(30));
        Assert.Equal("Healthy", recovered.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_publisher_killed_mid_page_publishes_everything_after_restart_and_skips_nothing()
    {
        const int count = 3000;
        var database = await service.Servers.CreateDatabaseAsync("planning_crash");
        var virtualHost = await service.Servers.CreateVirtualHostAsync("planning_crash");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__planningdb"] = database,
                ["ConnectionStrings__messaging"] = virtualHost.ToString(),
                ["Identity__Authority"] = TestTokens.Issuer,
            };
            await using var city = await OutsideSubscriber.StartAsync(service.Servers.AdministratorOn(virtualHost), UnitRegisteredExchange);
            await using var first = await ServiceProcess.StartAsync("Planning", environment);
            var appending = AppendUnits(database, count); // as requests would, while the service publishes

            await city.WaitFor(messages => messages.Count >= count / 10);
            await first.KillAsync(); // SIGKILL while pages are being published
            var beforeRestart = city.Received.Select(message => message.MessageId).Distinct().Count();
            var stored = await appending;

            await using var second = await ServiceProcess.StartAsync("Planning", environment);
            var received = await city.WaitFor(messages => messages.Select(m => m.MessageId).Distinct().Count() >= count, TimeSpan.FromSeconds(90));

            var ids = received.Select(message => Guid.Parse(message.MessageId)).ToHashSet();
            Assert.True(stored.SetEquals(ids), $"{stored.Except(ids).Count()} stored events never published; {beforeRestart} had arrived before the kill");
            Assert.True(beforeRestart < count, "the kill came after everything was published; the test proved nothing");
        }
        finally
        {
            await service.Servers.DropDatabaseAsync(database);
            await service.Servers.DeleteVirtualHostAsync(virtualHost);
        }
    }

    [Fact]
    public async Task An_event_whose_transaction_holds_its_sequence_for_10_s_is_still_published_with_those_committed_meanwhile()
    {
        await using var city = await OutsideSubscriber.StartAsync(service.Servers.AdministratorOn(service.VirtualHost), UnitRegisteredExchange);
        var officer = service.CreateClient(TestTokens.WardOfficer());
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var slow = $"SLOW-{suffix}";
        var meanwhile = Enumerable.Range(1, 10).Select(i => $"FAST-{suffix}-{i:D2}").ToList();

        using var store = PlanningStore(service.DatabaseConnectionString);
        await using var connection = new Npgsql.NpgsqlConnection(service.DatabaseConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using (var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            // The slow writer appends first, so its sequence number is the lowest, and commits last.
            await using (var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction)))
            {
                session.Events.StartStream<Unit>(Unit.StreamId(slow),
                    new UnitRegistered(Unit.StreamId(slow), slow, $"Đơn vị {slow}", UnitKind.Primary, "HP-NAMTRIEU", DateTimeOffset.UtcNow, "test"));
                await session.SaveChangesAsync(TestContext.Current.CancellationToken);
            }

            var held = System.Diagnostics.Stopwatch.StartNew();
            foreach (var code in meanwhile)
            {
                using var response = await officer.PostAsJsonAsync("/api/planning/units", new { code, name = $"Đơn vị {code}", kind = "primary" }, cancellationToken: TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }

            await Task.Delay(TimeSpan.FromSeconds(10) - held.Elapsed, TestContext.Current.CancellationToken); // the slow commit is the point
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        string[] all = [slow, .. meanwhile];
        var received = await city.WaitFor(messages => all.All(code => messages.Any(m => m.Message.GetProperty("unitCode").GetString() == code)), TimeSpan.FromSeconds(60));
        Assert.All(all, code => Assert.Single(received, message => message.Message.GetProperty("unitCode").GetString() == code));
        // The slow event's sequence number lies below those committed while it was held: they were a gap's far side.
        long Sequence(string code) => long.Parse(received.Single(m => m.Message.GetProperty("unitCode").GetString() == code).CloudEvent.GetProperty("sequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(meanwhile.All(code => Sequence(code) > Sequence(slow)), "the slow transaction did not take the lowest sequence number; the test proved nothing");
    }

    /// <summary>Appends units straight into the service's event store (as many requests would), in batches.</summary>
    private static async Task<HashSet<Guid>> AppendUnits(string database, int count)
    {
        using var store = PlanningStore(database);
        for (var batch = 0; batch < count / 100; batch++)
        {
            await using var session = store.LightweightSession();
            for (var i = 0; i < 100; i++)
            {
                var code = $"CRASH-{batch * 100 + i:D5}";
                session.Events.StartStream<Unit>(Unit.StreamId(code),
                    new UnitRegistered(Unit.StreamId(code), code, $"Đơn vị {code}", UnitKind.Primary, "HP-NAMTRIEU", DateTimeOffset.UtcNow, "test"));
            }

            await session.SaveChangesAsync();
        }

        await using var query = store.QuerySession();
        var ids = await query.Events.QueryAllRawEvents().Select(e => e.Id).ToListAsync();
        return [.. ids];
    }

    /// <summary>Planning's event store as a writer outside the service sees it (its schema made by the service).</summary>
    private static DocumentStore PlanningStore(string database) => DocumentStore.For(options =>
    {
        options.Connection(database);
        options.DatabaseSchemaName = "planning";
        options.Events.DatabaseSchemaName = "planning";
        options.AutoCreateSchemaObjects = AutoCreate.None;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        options.Events.AddEventType<UnitRegistered>();
    });
}
