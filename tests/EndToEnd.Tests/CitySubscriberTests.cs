using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LearningWeek.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace LearningWeek.EndToEnd.Tests;

/// <summary>
/// A city system as the README tells one to build it: its own broker account made by the
/// documented command, and the README's subscriber (Python, RabbitMQ and HTTP only) following
/// every event, each once, also those made while it was away and its queue was gone.
/// </summary>
[Collection(LocalSystemCollection.Name)]
public sealed class CitySubscriberTests(LocalSystem system) : IAsyncLifetime
{
    private readonly string _name = $"so-{Guid.NewGuid():N}"[..11];

    private string Unit(int n) => $"CITY-{_name[3..].ToUpperInvariant()}-{n}";
    private readonly string _state = Directory.CreateTempSubdirectory("city-subscriber").FullName;

    private string Queue => $"{_name}.events";

    [Fact]
    public async Task The_city_account_reads_its_own_queue_only_and_the_subscriber_follows_every_event_once_through_downtime()
    {
        var password = (await CityAccount("create", _name)).Output.Trim().Split('\n')[^1];
        var account = new UriBuilder(system.Servers.RabbitMq) { UserName = _name, Password = password, Path = system.VirtualHost.AbsolutePath }.Uri;

        // The account cannot publish to a LearningWeek exchange, nor take a queue that is not its own.
        await AssertRefused(account, channel => channel.BasicPublishAsync("learningweek.planning.plan-issued.v1", "", mandatory: false,
            new BasicProperties { ContentType = "application/cloudevents+json" }, Encoding.UTF8.GetBytes("""{"specversion":"1.0"}""")).AsTask());
        await AssertRefused(account, channel => channel.QueueDeclareAsync("activity-reporting.planning-events", durable: true, exclusive: false, autoDelete: false));

        var officer = await system.SignedInClientAsync("ward-officer");
        await RegisterUnit(officer, Unit(1));
        var first = await Subscribe(account);
        Assert.Contains($"units/{Unit(1)}", first);

        // Away, and its queue lost: what happens meanwhile is caught up from the feeds.
        using (var management = system.Servers.ManagementClient())
        {
            (await management.DeleteAsync($"api/queues/{system.VirtualHost.AbsolutePath.TrimStart('/')}/{Queue}", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        await RegisterUnit(officer, Unit(2));
        await RegisterUnit(officer, Unit(3));
        await InTheFeed(Unit(3)); // published: the subscriber can only find it in the feed
        var second = await Subscribe(account);
        Assert.Contains($"units/{Unit(2)}", second);
        Assert.Contains($"units/{Unit(3)}", second);

        // And then, running, it gets the next from its queue.
        File.Delete(Path.Combine(_state, "ready"));
        var running = SubscribeAsync(account, idleExit: 8);
        await Eventually.Get(() => Task.FromResult(File.Exists(Path.Combine(_state, "ready"))), until: ready => ready);
        await RegisterUnit(officer, Unit(4));
        var third = await running;
        Assert.Contains($"units/{Unit(4)}", third);

        var lines = File.ReadAllLines(Path.Combine(_state, "events.jsonl")).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(lines.Count, lines.Select(line => line.GetProperty("id").GetString()).Distinct().Count()); // each once
        foreach (var n in new[] { 1, 2, 3, 4 })
        {
            var ours = Assert.Single(lines, line => line.GetProperty("subject").GetString() == $"units/{Unit(n)}");
            Assert.Equal("learningweek.planning.unit-registered.v1", ours.GetProperty("type").GetString());
        }

        Assert.Equal("feed", lines.Single(line => line.GetProperty("subject").GetString() == $"units/{Unit(2)}").GetProperty("via").GetString());
        Assert.Equal("bus", lines.Single(line => line.GetProperty("subject").GetString() == $"units/{Unit(4)}").GetProperty("via").GetString());
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await CityAccount("delete", _name);
        Directory.Delete(_state, recursive: true);
    }

    private async Task<string> Subscribe(Uri account) => await SubscribeAsync(account, idleExit: 3);

    private async Task<string> SubscribeAsync(Uri account, double idleExit)
    {
        var gateway = system.CreateGatewayClient().BaseAddress!.ToString().TrimEnd('/');
        var result = await Script.RunAsync("/usr/bin/python3",
        [
            "deploy/city/subscriber.py", "--amqp", account.ToString(), "--queue", Queue, "--gateway", gateway,
            "--client-id", "city", "--client-secret", "local-city", "--state", Path.Combine(_state, "state.sqlite"),
            "--out", Path.Combine(_state, "events.jsonl"), "--ready-file", Path.Combine(_state, "ready"), "--idle-exit", idleExit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ], timeout: TimeSpan.FromSeconds(90));
        Assert.True(result.ExitCode == 0, result.ToString());
        return File.ReadAllText(Path.Combine(_state, "events.jsonl"));
    }

    private Task<ScriptResult> CityAccount(string command, string name) => Script.RunAsync("bash",
        ["deploy/local/city-account.sh", command, name, "--vhost", system.VirtualHost.AbsolutePath.TrimStart('/')],
        new Dictionary<string, string>
        {
            ["LEARNINGWEEK_RABBITMQ_MANAGEMENT"] = system.Servers.RabbitMqManagement.ToString().TrimEnd('/'),
            ["LEARNINGWEEK_RABBITMQ_ADMIN"] = Uri.UnescapeDataString(system.Servers.RabbitMq.UserInfo),
        }).ContinueWith(run =>
        {
            Assert.True(run.Result.ExitCode == 0, run.Result.ToString());
            return run.Result;
        }, TaskScheduler.Default);

    private static async Task AssertRefused(Uri account, Func<IChannel, Task> act)
    {
        await using var connection = await new ConnectionFactory { Uri = account }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => act(channel));
        var reason = (refused as OperationInterruptedException)?.ShutdownReason ?? channel.CloseReason;
        Assert.Equal((ushort)403, reason?.ReplyCode);
    }

    private async Task InTheFeed(string unitCode)
    {
        var city = await system.SignedInClientAsync("city");
        await Eventually.Get(() => Listed(city, unitCode), until: listed => listed, TimeSpan.FromSeconds(30));

        static async Task<bool> Listed(HttpClient city, string unitCode)
        {
            for (long after = 0; ;)
            {
                var page = await city.GetFromJsonAsync<JsonElement>($"/api/planning/events?after={after}&limit=1000");
                if (page.GetProperty("items").EnumerateArray().Any(item => item.GetProperty("subject").GetString() == $"units/{unitCode}"))
                {
                    return true;
                }

                if (!page.GetProperty("more").GetBoolean())
                {
                    return false;
                }

                after = page.GetProperty("next").GetInt64();
            }
        }
    }

    /// <summary>Culture houses: the shared system's sample plan expects no report from them, so the other tests' figures stay as they are.</summary>
    private static async Task RegisterUnit(HttpClient officer, string code)
    {
        using var response = await officer.PostAsJsonAsync("/api/planning/units", new { code, name = $"Nhà văn hoá {code}", kind = "culture-house" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
