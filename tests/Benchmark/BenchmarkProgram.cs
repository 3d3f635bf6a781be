using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using LearningWeek.Testing;

namespace LearningWeek.Benchmark;

/// <summary>
/// The benchmark: this machine's raw limits (B1–B4), then the system's figures (S1–S5 and memory)
/// as ratios to them, in one run against the local servers, printed as one table and written to
/// <c>.local/benchmark/</c> as Markdown and JSON. Exit code 0 when every figure meets its target.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var started = DateTimeOffset.UtcNow;
        var figures = new Figures();
        var servers = await TestServers.GetAsync();
        Console.WriteLine($"LearningWeek benchmark ({(options.Short ? "short" : "full")} mode, {Environment.ProcessorCount} cores, {options.Connections} connections)");

        Console.WriteLine("raw limits of this machine");
        var scratch = await servers.CreateDatabaseAsync("bench_raw");
        var scratchHost = await servers.CreateVirtualHostAsync("bench_raw");
        var b1 = double.NaN;
        var b2 = double.NaN;
        try
        {
            if (options.Measures("B1") || options.Measures("S5"))
            {
                b1 = await RawLimits.CopyRowsPerSecond(scratch, options.CopyRows);
                figures.Add(new Figure("B1", "binary COPY into an events-shaped table", b1, "rows/s"));
            }

            if (options.Measures("B2") || options.Measures("S1"))
            {
                var inserts = await RawLimits.InsertCommits(scratch, options.Connections, options.Warmup, options.Duration);
                b2 = inserts.PerSecond;
                figures.Add(new Figure("B2", $"single-row INSERT+COMMIT, {options.Connections} writers", b2, "tx/s", Note: inserts.Describe()));
            }

            if (options.Measures("B3"))
            {
                var publishes = await RawLimits.ConfirmedPublishes(servers.AdministratorOn(scratchHost), options.Connections, options.Warmup, options.Duration);
                figures.Add(new Figure("B3", $"confirmed persistent publishes, {options.Connections} channels", publishes.PerSecond, "msg/s"));
            }

            if (options.Measures("B4"))
            {
                var b4 = await RawLimits.TrivialEndpoint(options.Connections, options.Warmup, options.Duration);
                figures.Add(new Figure("B4", $"trivial Kestrel endpoint, {options.Connections} callers", b4.PerSecond, "req/s",
                    Note: $"p50 {b4.Milliseconds(50):0.00} ms, p99 {b4.Milliseconds(99):0.00} ms"));
            }
        }
        finally
        {
            await servers.DropDatabaseAsync(scratch);
            await servers.DeleteVirtualHostAsync(scratchHost);
        }

        if (options.Measures("S5"))
        {
            await MeasureRebuild(options, figures, servers, b1);
        }

        Console.WriteLine("starting the system (Release build: three services and the gateway)");
        await using var deployment = await Deployment.StartAsync(servers, poolSize: 100);
        var ward = await Ward.SetUpAsync(deployment.Gateway, "BENCH", options.LoadUnits, "primary", parallel: 8, Console.WriteLine);
        // The setup made the gateway and Planning compile their hot paths (tiered JIT, in the
        // background for seconds): let that finish before measuring anything else.
        await Task.Delay(TimeSpan.FromSeconds(10));

        using var direct = Http.Client(deployment.ActivityReporting, options.Connections * 4);
        using var gateway = Http.Client(deployment.Gateway, options.Connections * 4);
        if (options.Measures("S1") || options.Measures("S2"))
        {
            await MeasureIntake(options, figures, ward, direct, gateway, b2, deployment);
        }

        if (options.Measures("S3"))
        {
            await MeasureDelivery(options, figures, ward, gateway, deployment.Subscriber);
        }

        foreach (var (service, megabytes) in deployment.PeakWorkingSetMegabytes())
        {
            figures.Add(new Figure("M", $"peak working set, {service}", megabytes, "MB", Target: "≤ 300 MB", Pass: megabytes <= 300));
        }

        if (options.Measures("S4"))
        {
            await DeadlineDay.RunAsync(options, figures, deployment);
        }

        var heading = $"LearningWeek benchmark, {(options.Short ? "short" : "full")} mode, {started:yyyy-MM-dd HH:mm} UTC, " +
            $"{Environment.ProcessorCount} cores, {options.Connections} connections";
        Directory.CreateDirectory(options.Output);
        var markdown = figures.Markdown("## " + heading);
        await File.WriteAllTextAsync(Path.Combine(options.Output, "benchmark.md"), markdown);
        await File.WriteAllTextAsync(Path.Combine(options.Output, "benchmark.json"), figures.Json(new
        {
            mode = options.Short ? "short" : "full",
            startedAt = started,
            cores = Environment.ProcessorCount,
            connections = options.Connections,
            durationSeconds = options.Duration.TotalSeconds,
        }));
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"written to {Path.GetRelativePath(RepositoryRoot.Path, options.Output)}/benchmark.md and benchmark.json");
        foreach (var error in figures.Errors)
        {
            Console.Error.WriteLine("error: " + error);
        }

        return figures.Errors.Count > 0 ? 2 : figures.AllPass || options.NoTargets ? 0 : 1;
    }

    /// <summary>S1 and S2: activity reports flat out, directly and through the gateway; then both at a rate below saturation, to compare latencies.</summary>
    private static async Task MeasureIntake(BenchOptions options, Figures figures, Ward ward, HttpClient direct, HttpClient gateway, double b2, Deployment deployment)
    {
        Console.WriteLine("S1, S2: activity reports, closed loop, directly and through the gateway");
        var processes = deployment.ProcessIds;
        await StatementProfile.ResetAsync(deployment.Admin);
        var s1 = await Load.ClosedAsync(options.Connections, options.Warmup, options.Duration, Report(ward, direct), processes);
        var statements = await StatementProfile.TopAsync(deployment.Admin, deployment.ReportingDatabaseName, s1.Succeeded + s1.Failed);
        figures.Add(new Figure("S1", "report intake, ActivityReporting directly", s1.PerSecond, "reports/s", b2, "B2", s1.PerSecond / b2, "≥ 0.5",
            s1.PerSecond / b2 >= 0.5 && s1.Failed == 0, s1.Describe() + (statements is null ? "" : "; " + statements)));
        figures.Check("S1", s1);
        var s2 = await Load.ClosedAsync(options.Connections, options.Warmup, options.Duration, Report(ward, gateway), processes);
        figures.Add(new Figure("S2", "report intake through the gateway", s2.PerSecond, "reports/s", s1.PerSecond, "S1", s2.PerSecond / s1.PerSecond, "≥ 0.5",
            s2.PerSecond / s1.PerSecond >= 0.5 && s2.Failed == 0, s2.Describe()));
        figures.Check("S2", s2);
        var count = (long)(options.LatencyRate * options.Duration.TotalSeconds);
        var directLatency = await Load.OpenAsync(options.LatencyRate, count, Report(ward, direct));
        var gatewayLatency = await Load.OpenAsync(options.LatencyRate, count, Report(ward, gateway));
        figures.Check("S2 direct latency", directLatency);
        figures.Check("S2 gateway latency", gatewayLatency);
        var p50Direct = directLatency.Milliseconds(50);
        var p50Gateway = gatewayLatency.Milliseconds(50);
        figures.Add(new Figure("S2", $"p50 through the gateway at {options.LatencyRate:0}/s", p50Gateway, "ms", p50Direct, "direct p50", p50Gateway / p50Direct,
            "≤ 1.3 and ≤ +1 ms", p50Gateway <= 1.3 * p50Direct && p50Gateway - p50Direct <= 1 && directLatency.Failed + gatewayLatency.Failed == 0,
            $"direct: {directLatency.Describe()}; gateway: {gatewayLatency.Describe()}"));
    }

    /// <summary>S3: at the design load through the gateway, from each 201 to an outside subscriber receiving the report's integration event.</summary>
    private static async Task MeasureDelivery(BenchOptions options, Figures figures, Ward ward, HttpClient gateway, Uri broker)
    {
        Console.WriteLine($"S3: delivery to an outside subscriber at the design load ({options.DesignRate:0} reports/s through the gateway)");
        await using var subscriber = await OutsideSubscriber.StartAsync(broker, typeof(LearningWeek.Contracts.Reporting.ActivityReported));
        var created = new ConcurrentDictionary<Guid, long>();
        var design = await Load.OpenAsync(options.DesignRate, (long)(options.DesignRate * options.DesignDuration.TotalSeconds), Report(ward, gateway, created));
        figures.Check("S3", design);
        // Counted by the reports of this load only: events of S2's reports still being published
        // reach the subscriber too, and counting them would stop the wait before the last of these.
        bool Ours(ReceivedMessage message) => created.ContainsKey(message.Message.GetProperty("activityReportId").GetGuid());
        var received = await subscriber.WaitFor(messages => messages.Count(Ours) >= created.Count, TimeSpan.FromMinutes(2));
        var delivery = new HdrHistogram.LongHistogram(600_000_000, 3);
        foreach (var message in received)
        {
            if (created.TryGetValue(message.Message.GetProperty("activityReportId").GetGuid(), out var at))
            {
                delivery.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(at, message.ReceivedAt).TotalMicroseconds));
            }
        }

        var p50 = delivery.GetValueAtPercentile(50) / 1000.0;
        var p99 = delivery.GetValueAtPercentile(99) / 1000.0;
        figures.Add(new Figure("S3", "delivery p50, gateway 201 → outside subscriber", p50, "ms", Target: "≤ 100 ms", Pass: p50 <= 100));
        figures.Add(new Figure("S3", "delivery p99", p99, "ms", Target: "≤ 500 ms", Pass: p99 <= 500 && design.Failed == 0 && delivery.TotalCount == created.Count,
            Note: $"{delivery.TotalCount:N0} of {created.Count:N0} accepted reports delivered; the load: {design.Describe()}"));
    }

    /// <summary>S5: the progress projection rebuilt from <see cref="BenchOptions.RebuildEvents"/> events, against B1.</summary>
    private static async Task MeasureRebuild(BenchOptions options, Figures figures, TestServers servers, double b1)
    {
        Console.WriteLine($"S5: rebuilding the progress projection from {options.RebuildEvents:N0} events");
        var rebuild = await ProgressRebuild.RunAsync(servers, options.RebuildEvents, Console.WriteLine);
        if (!rebuild.CountsEveryReport)
        {
            figures.Errors.Add($"S5: the rebuilt progress counts {rebuild.ReportsCounted:N0} activity reports in the plans' totals " +
                $"and {rebuild.ReportsCountedByUnit:N0} in their units' of {rebuild.ReportsStored:N0} stored");
        }

        var ratio = rebuild.EventsPerSecond / b1;
        figures.Add(new Figure("S5", $"progress rebuilt from {rebuild.Events:N0} events", rebuild.EventsPerSecond, "events/s", b1, "B1", ratio, "≥ 0.05",
            ratio >= 0.05 && rebuild.CountsEveryReport,
            $"{rebuild.Elapsed.TotalSeconds:0.0} s; the rebuilt progress counts {rebuild.ReportsCounted:N0} of {rebuild.ReportsStored:N0} activity reports stored " +
            $"(storing the events through Marten took {rebuild.Setup.TotalSeconds:0} s)"));
    }

    /// <summary>
    /// One activity report, by the units in turn, each with its own token; the instant of each
    /// 201 kept by report id when <paramref name="created"/> is given.
    /// </summary>
    private static Send Report(Ward ward, HttpClient client, ConcurrentDictionary<Guid, long>? created = null) => async (sequence, cancellationToken) =>
    {
        var unit = ward.Units[(int)(sequence % ward.Units.Count)];
        using var request = Http.Post("/api/reporting/activities", ward.ActivityJson((int)(sequence % 1000)), unit.Token);
        using var response = await client.SendAsync(request, cancellationToken);
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
        {
            return Http.Status(response);
        }

        if (created is not null)
        {
            var at = Stopwatch.GetTimestamp();
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
            created[id] = at;
        }

        return null;
    };
}
