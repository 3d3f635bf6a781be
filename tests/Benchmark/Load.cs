using System.Collections.Concurrent;
using System.Diagnostics;
using HdrHistogram;

namespace LearningWeek.Benchmark;

/// <summary>
/// What a load run gave: requests that succeeded and failed (by reason), how long it ran, and the
/// latencies in microseconds (HdrHistogram, 3 significant digits, up to 10 minutes).
/// </summary>
internal sealed class LoadResult
{
    private readonly Lock _gate = new();

    public LongHistogram Latency { get; } = new(highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3);

    public long Succeeded => Interlocked.Read(ref _succeeded);

    public long Failed => Failures.Values.Sum();

    public ConcurrentDictionary<string, long> Failures { get; } = new();

    public TimeSpan Elapsed { get; set; }

    /// <summary>What each request cost each part of the system in CPU, when measured (<see cref="CpuMeter"/>).</summary>
    public string? Cpu { get; set; }

    public double PerSecond => Succeeded / Elapsed.TotalSeconds;

    /// <summary>The latency at <paramref name="percentile"/> (0–100), in milliseconds.</summary>
    public double Milliseconds(double percentile) => Latency.TotalCount == 0 ? double.NaN : Latency.GetValueAtPercentile(percentile) / 1000.0;

    private long _succeeded;

    public void Record(long startTimestamp, string? failure)
    {
        var micros = (long)Stopwatch.GetElapsedTime(startTimestamp).TotalMicroseconds;
        lock (_gate)
        {
            Latency.RecordValue(Math.Clamp(micros, 1, Latency.HighestTrackableValue));
        }

        if (failure is null)
        {
            Interlocked.Increment(ref _succeeded);
        }
        else
        {
            Failures.AddOrUpdate(failure, 1, (_, count) => count + 1);
        }
    }

    public string Describe() =>
        $"{Succeeded:N0} ok, {Failed:N0} failed{(Failures.IsEmpty ? "" : " (" + string.Join(", ", Failures.Select(pair => $"{pair.Key}: {pair.Value}")) + ")")}, " +
        $"{PerSecond:N0}/s, p50 {Milliseconds(50):0.0} ms, p95 {Milliseconds(95):0.0} ms, p99 {Milliseconds(99):0.0} ms" +
        (Cpu is null ? "" : "; " + Cpu);
}

/// <summary>One request of a load: null when it succeeded, else why it failed (a status code, an exception's type).</summary>
internal delegate Task<string?> Send(long sequence, CancellationToken cancellationToken);

/// <summary>The two ways of loading a system.</summary>
internal static class Load
{
    /// <summary>
    /// Closed loop, flat out: <paramref name="workers"/> callers, each sending its next request as
    /// soon as the previous one is answered, for <paramref name="duration"/> after a warm-up whose
    /// requests are not counted. Gives the most the system takes at that concurrency.
    /// </summary>
    /// <param name="cpuOf">Processes whose CPU per request to measure (by name), with PostgreSQL's and the broker's.</param>
    public static async Task<LoadResult> ClosedAsync(int workers, TimeSpan warmup, TimeSpan duration, Send send, IReadOnlyDictionary<string, int>? cpuOf = null)
    {
        var result = new LoadResult();
        long sequence = 0;
        var measuring = false;
        using var stop = new CancellationTokenSource();
        async Task Worker()
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref sequence);
                var started = Stopwatch.GetTimestamp();
                var failure = await Attempt(send, n);
                if (Volatile.Read(ref measuring))
                {
                    result.Record(started, failure);
                }
            }
        }

        var running = Enumerable.Range(0, workers).Select(_ => Task.Run(Worker)).ToArray();
        await Task.Delay(warmup);
        var cpu = cpuOf is null ? null : CpuMeter.Start(cpuOf);
        Volatile.Write(ref measuring, true);
        var clock = Stopwatch.StartNew();
        await Task.Delay(duration);
        Volatile.Write(ref measuring, false);
        result.Elapsed = clock.Elapsed;
        result.Cpu = cpu?.PerUnit(result.Succeeded + result.Failed, "request");
        await stop.CancelAsync();
        await Task.WhenAll(running);
        return result;
    }

    /// <summary>
    /// Closed loop, flat out, for a number of requests: <paramref name="workers"/> callers take the
    /// sequence numbers <paramref name="firstSequence"/> … <c>+ count − 1</c> in turn, each sending
    /// its next as soon as the previous one is answered. Every request is counted.
    /// </summary>
    public static async Task<LoadResult> ClosedCountAsync(int workers, long firstSequence, long count, Send send, IReadOnlyDictionary<string, int>? cpuOf = null)
    {
        var result = new LoadResult();
        var next = firstSequence - 1;
        var end = firstSequence + count;
        async Task Worker()
        {
            for (var n = Interlocked.Increment(ref next); n < end; n = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                result.Record(started, await Attempt(send, n));
            }
        }

        var cpu = cpuOf is null ? null : CpuMeter.Start(cpuOf);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(Worker)));
        result.Elapsed = clock.Elapsed;
        result.Cpu = cpu?.PerUnit(result.Succeeded + result.Failed, "request");
        return result;
    }

    /// <summary>
    /// Open loop: request <c>i</c> is due at <c>start + i / rate</c> and is sent then, whether or
    /// not earlier ones have been answered (as independent callers arrive), for
    /// <paramref name="count"/> requests. Each latency counts from the instant the request was
    /// due, so a system that falls behind shows it in full (no coordinated omission).
    /// </summary>
    public static async Task<LoadResult> OpenAsync(double rate, long count, Send send, long firstSequence = 0)
    {
        var result = new LoadResult();
        var inFlight = new List<Task>(capacity: (int)Math.Min(count, 1_000_000));
        var start = Stopwatch.GetTimestamp();
        var ticksPerRequest = Stopwatch.Frequency / rate;
        for (long i = 0; i < count; i++)
        {
            var due = start + (long)(i * ticksPerRequest);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var n = firstSequence + i;
            inFlight.Add(Task.Run(async () => result.Record(due, await Attempt(send, n))));
        }

        await Task.WhenAll(inFlight);
        result.Elapsed = Stopwatch.GetElapsedTime(start);
        return result;
    }

    private static async Task<string?> Attempt(Send send, long sequence)
    {
        try
        {
            return await send(sequence, CancellationToken.None);
        }
        catch (Exception e)
        {
            return e.GetType().Name;
        }
    }
}
