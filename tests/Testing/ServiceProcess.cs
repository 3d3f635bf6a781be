using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace LearningWeek.Testing;

/// <summary>
/// A service run as its own operating-system process (as deployed, from its build output), so a
/// test can kill it with SIGKILL mid-work and start it again on the same database and broker.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Serilog.ILogger _log;

    private ServiceProcess(Process process, Serilog.ILogger log)
    {
        _process = process;
        _log = log;
    }

    /// <summary>Where the service listens: the free loopback port it bound itself (no port is chosen for it, so none can be taken meanwhile).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The last lines the process wrote, for a failing test's message (all of them are in the test class's log file).</summary>
    public string OutputTail => string.Join(Environment.NewLine, _output.TakeLast(40));

    /// <summary>The operating system's id of the process.</summary>
    public int Id => _process.Id;

    /// <param name="project">The service's folder under services/, e.g. <c>Planning</c>.</param>
    /// <param name="environment">Settings of this run, on top of the defaults below.</param>
    /// <param name="folder">The project's folder from the repository's root when it is not under services/ (<c>gateway</c>).</param>
    public static async Task<ServiceProcess> StartAsync(string project, IDictionary<string, string> environment, string? folder = null)
    {
        var dll = Path.Combine(RepositoryRoot.Path, folder ?? Path.Combine("services", project), "bin", BuildConfiguration(), "net10.0", $"LearningWeek.{project}.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the solution first (deploy/local/test.sh does).");
        }

        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0"; // unless the environment names one
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information"; // it names the bound address
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var service = new ServiceProcess(process, TestLogs.For($"{project} pid {process.Id}"));
        process.OutputDataReceived += (_, line) => service.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => service.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await service.WaitUntilHealthy();
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }

        return service;
    }

    /// <summary>SIGKILL: no shutdown, no flushing, no goodbye, as when a machine loses power.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthy()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            var exited = _process.WaitForExitAsync(timeout.Token);
            var first = await Task.WhenAny(_listening.Task, exited);
            if (first != _listening.Task)
            {
                throw _process.HasExited
                    ? new InvalidOperationException($"The service exited during start:{Environment.NewLine}{OutputTail}")
                    : new TimeoutException($"The service did not start listening within 60 s:{Environment.NewLine}{OutputTail}");
            }

            Address = await _listening.Task;
        }

        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited during start:{Environment.NewLine}{OutputTail}");
            }

            try
            {
                using var response = await client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not ready yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The service did not become healthy within 60 s:{Environment.NewLine}{OutputTail}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Information("{Line}", line);
        if (ListeningAddress().Match(line) is { Success: true } listening)
        {
            _listening.TrySetResult(new Uri(listening.Groups["address"].Value));
        }

        _output.Enqueue(line);
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
    }

    /// <summary>The configuration the tests were built in (Debug or Release): the services' builds beside them are the same.</summary>
    public static string BuildConfiguration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)")]
    private static partial Regex ListeningAddress();
}
