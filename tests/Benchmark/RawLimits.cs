using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using RabbitMQ.Client;

namespace LearningWeek.Benchmark;

/// <summary>
/// What this machine does at most, measured in the same run as the system's figures (QUALITY.md):
/// B1 binary COPY rows/s, B2 single-row INSERT+COMMIT transactions/s, B3 confirmed persistent
/// publishes/s, B4 a trivial Kestrel endpoint on loopback.
/// </summary>
internal static class RawLimits
{
    /// <summary>A row as large as an activity report's event in Marten's events table.</summary>
    private static readonly string EventJson =
        """{"reportId":"0196f1c2-7a61-7e0a-9d4e-3f1c2a5b6d7e","planId":"0196f1c2-7a61-7e0a-9d4e-3f1c2a5b6d7f","unitCode":"TH-TAMHUNG","unitKind":"Primary","wardCode":"HP-NAMTRIEU","content":{"lineCode":"3.2","title":"Ngày hội đọc sách","heldOn":"2026-11-28","location":"Thư viện trường","formats":["Trực tiếp"],"participants":{"students":120,"teachersAndStaff":8,"parents":0,"residents":0,"members":0},"sessions":1,"evidence":[],"notes":null},"reportedAt":"2026-11-28T08:00:00+00:00","reportedBy":"TH-TAMHUNG"}""";

    private const string EventsTable = """
        CREATE TABLE bench_events (
            seq_id bigserial PRIMARY KEY,
            id uuid NOT NULL,
            stream_id uuid NOT NULL,
            version bigint NOT NULL,
            data jsonb NOT NULL,
            type varchar(500) NOT NULL,
            timestamp timestamptz NOT NULL DEFAULT now(),
            tenant_id varchar DEFAULT '*DEFAULT*',
            mt_dotnet_type varchar,
            is_archived bool DEFAULT false)
        """;

    /// <summary>B1: rows/s of plain Npgsql binary COPY into a table shaped like Marten's events table.</summary>
    public static async Task<double> CopyRowsPerSecond(string database, int rows)
    {
        await using var source = NpgsqlDataSource.Create(database);
        await Execute(source, "DROP TABLE IF EXISTS bench_events", EventsTable);
        var clock = Stopwatch.StartNew();
        await using (var connection = await source.OpenConnectionAsync())
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY bench_events (id, stream_id, version, data, type, timestamp, mt_dotnet_type) FROM STDIN (FORMAT BINARY)"))
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < rows; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(1L, NpgsqlDbType.Bigint);
                await copy.WriteAsync(EventJson, NpgsqlDbType.Jsonb);
                await copy.WriteAsync("activity_reported", NpgsqlDbType.Varchar);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync("LearningWeek.ActivityReporting.Activities.ActivityReported, LearningWeek.ActivityReporting", NpgsqlDbType.Varchar);
            }

            await copy.CompleteAsync();
        }

        var rate = rows / clock.Elapsed.TotalSeconds;
        await Execute(source, "DROP TABLE bench_events");
        return rate;
    }

    /// <summary>B2: single-row INSERT+COMMIT transactions/s by <paramref name="writers"/> connections at once.</summary>
    public static async Task<LoadResult> InsertCommits(string database, int writers, TimeSpan warmup, TimeSpan duration)
    {
        await using var source = new NpgsqlDataSourceBuilder(database) { ConnectionStringBuilder = { MaxPoolSize = writers + 2 } }.Build();
        await Execute(source, "DROP TABLE IF EXISTS bench_events", EventsTable);
        var result = await Load.ClosedAsync(writers, warmup, duration, async (_, cancellationToken) =>
        {
            await using var command = source.CreateCommand(
                "INSERT INTO bench_events (id, stream_id, version, data, type) VALUES ($1, $2, 1, $3, 'activity_reported')");
            command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
            command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
            command.Parameters.Add(new NpgsqlParameter { Value = EventJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
            await command.ExecuteNonQueryAsync(cancellationToken);
            return null;
        }, new Dictionary<string, int> { ["load generator"] = Environment.ProcessId });
        await Execute(source, "DROP TABLE bench_events");
        return result;
    }

    /// <summary>
    /// B3: persistent messages published to a durable queue with publisher confirms, each
    /// publish awaited until the broker confirmed it, by <paramref name="publishers"/> channels at once.
    /// </summary>
    public static async Task<LoadResult> ConfirmedPublishes(Uri broker, int publishers, TimeSpan warmup, TimeSpan duration)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "benchmark-b3" };
        await using var connection = await factory.CreateConnectionAsync();
        var channels = new List<IChannel>();
        for (var i = 0; i < publishers; i++)
        {
            channels.Add(await connection.CreateChannelAsync(new CreateChannelOptions(
                publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)));
        }

        const string queue = "benchmark-b3";
        await channels[0].QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        var body = Encoding.UTF8.GetBytes(EventJson);
        var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
        var result = await Load.ClosedAsync(publishers, warmup, duration, async (sequence, cancellationToken) =>
        {
            var channel = channels[(int)(sequence % publishers)];
            await channel.BasicPublishAsync("", queue, mandatory: true, properties, body, cancellationToken);
            return null;
        });
        await channels[0].QueueDeleteAsync(queue);
        foreach (var channel in channels)
        {
            await channel.CloseAsync();
            channel.Dispose();
        }

        return result;
    }

    /// <summary>B4: a trivial Kestrel endpoint on loopback, loaded by <paramref name="callers"/> at once: the most requests/s and their latency.</summary>
    public static async Task<LoadResult> TrivialEndpoint(int callers, TimeSpan warmup, TimeSpan duration)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/", () => "ok");
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = Http.Client(address, callers);
        var result = await Load.ClosedAsync(callers, warmup, duration, async (_, cancellationToken) =>
        {
            using var response = await client.GetAsync("/", cancellationToken);
            return response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        await app.StopAsync();
        return result;
    }

    private static async Task Execute(NpgsqlDataSource source, params string[] statements)
    {
        foreach (var sql in statements)
        {
            await using var command = source.CreateCommand(sql);
            await command.ExecuteNonQueryAsync();
        }
    }
}
