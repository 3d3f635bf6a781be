using System.Globalization;

namespace LearningWeek.Benchmark;

/// <summary>
/// CPU time used meanwhile by each process of the system, PostgreSQL's server processes and the
/// broker (from /proc): a machine this noisy gives unsteady rates, but the CPU a request costs
/// each part is steady, and it says where the time goes.
/// </summary>
internal sealed class CpuMeter
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly IReadOnlyDictionary<string, int> _processes;
    private readonly Dictionary<string, double> _start;

    private CpuMeter(IReadOnlyDictionary<string, int> processes)
    {
        _processes = processes;
        _start = Sample();
    }

    public static CpuMeter Start(IReadOnlyDictionary<string, int> processes) => new(processes);

    /// <summary>CPU milliseconds per unit of work (<paramref name="units"/> requests) since the start, by part.</summary>
    public string PerUnit(long units, string unit)
    {
        var end = Sample();
        var parts = end.Select(pair => (Part: pair.Key, Seconds: pair.Value - _start.GetValueOrDefault(pair.Key)))
            .Where(part => part.Seconds > 0.005)
            .OrderByDescending(part => part.Seconds)
            .Select(part => $"{part.Part} {part.Seconds * 1000 / Math.Max(1, units):0.00}");
        return $"CPU ms per {unit}: " + string.Join(", ", parts);
    }

    private Dictionary<string, double> Sample()
    {
        var seconds = _processes.ToDictionary(pair => pair.Key, pair => CpuSeconds(pair.Value) ?? 0);
        double postgres = 0, broker = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            var name = Name(pid);
            if (name == "postgres")
            {
                postgres += CpuSeconds(pid) ?? 0;
            }
            else if (name == "beam.smp")
            {
                broker += CpuSeconds(pid) ?? 0;
            }
        }

        seconds["PostgreSQL"] = postgres;
        seconds["RabbitMQ"] = broker;
        return seconds;
    }

    private static string? Name(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>User and system time of the process (and of its children that ended), from /proc/[pid]/stat.</summary>
    private static double? CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
