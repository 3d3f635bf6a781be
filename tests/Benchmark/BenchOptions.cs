using System.Globalization;

namespace LearningWeek.Benchmark;

/// <summary>
/// How the benchmark runs. <c>--short</c> is the CI mode (about three minutes, figures only
/// indicative); the full mode gives the figures the README reports. Every size can be set.
/// </summary>
internal sealed record BenchOptions
{
    public bool Short { get; init; }

    /// <summary>Exit 0 even when a figure misses its target (CI's short mode); errors still fail.</summary>
    public bool NoTargets { get; init; }

    /// <summary>Concurrent callers of the closed-loop loads (S1, S2 throughput), and B2's writers.</summary>
    public int Connections { get; init; } = 16;

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Events S5 rebuilds the progress from.</summary>
    public int RebuildEvents { get; init; } = 1_000_000;

    /// <summary>Rows B1 copies.</summary>
    public int CopyRows { get; init; } = 1_000_000;

    /// <summary>Units whose tokens S1–S3 use (the gateway limits each client to 100 requests/s).</summary>
    public int LoadUnits { get; init; } = 64;

    /// <summary>The rate (requests/s) at which S2 compares latencies, below saturation.</summary>
    public double LatencyRate { get; init; } = 100;

    /// <summary>
    /// The design load for S3's delivery latency, reports/s through the gateway: a city of 5,000
    /// units whose 55,000 submissions arrive within the last nine minutes before the deadline.
    /// </summary>
    public double DesignRate { get; init; } = 100;

    public TimeSpan DesignDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>S4: the schools of the deadline day, each with its own client and token.</summary>
    public int DeadlineUnits { get; init; } = 5_000;

    /// <summary>S4: the fixed arrival rate (submissions/s) of its open-loop part, before it goes flat out.</summary>
    public double DeadlineRate { get; init; } = 100;

    public TimeSpan DeadlineOpenDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The figures to measure (B1…S5, M); all when empty. Ratios to a raw limit not measured are left out.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    public bool Measures(string figure) => Only.Count == 0 || Only.Contains(figure);

    public string Output { get; init; } = Path.Combine(LearningWeek.Testing.RepositoryRoot.Path, ".local", "benchmark");

    public static BenchOptions Parse(string[] args)
    {
        var options = args.Contains("--short")
            ? new BenchOptions
            {
                Short = true,
                Warmup = TimeSpan.FromSeconds(3),
                Duration = TimeSpan.FromSeconds(8),
                CopyRows = 200_000,
                RebuildEvents = 50_000,
                DesignDuration = TimeSpan.FromSeconds(10),
                DeadlineUnits = 100,
                DeadlineOpenDuration = TimeSpan.FromSeconds(5),
            }
            : new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--short" => options,
                "--no-targets" => options with { NoTargets = true },
                "--connections" => options with { Connections = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--events" => options with { RebuildEvents = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--design-rate" => options with { DesignRate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--units" => options with { DeadlineUnits = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--rate" => options with { DeadlineRate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--open-duration" => options with { DeadlineOpenDuration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--only" => options with { Only = Next().ToUpperInvariant().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet() },
                "--output" => options with { Output = Path.GetFullPath(Next()) },
                _ => throw new ArgumentException($"unknown option {args[i]}; see deploy/local/bench.sh --help"),
            };
        }

        return options;
    }
}
