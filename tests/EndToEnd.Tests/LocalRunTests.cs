using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LearningWeek.Testing;

namespace LearningWeek.EndToEnd.Tests;

/// <summary>
/// <c>deploy/local/run.sh</c> as people and supervisors run it (on fresh databases and a fresh
/// virtual host): started from a script, so that it begins with SIGINT ignored as every background
/// job of a script does, then stopped by Ctrl+C's signal, a supervisor's SIGTERM, a closed
/// terminal's SIGHUP or <c>deploy/local/stop.sh</c>; 20 s later no process of the system is left.
/// </summary>
[Collection(LocalSystemCollection.Name)] // one system at a time: these time a stop
public sealed class LocalRunTests
{
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    [InlineData("HUP")]
    [InlineData("stop.sh")]
    public async Task Run_sh_stops_the_whole_system_within_20_s(string stoppedBy)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var run = await LocalRun.StartAsync(cancel);
        using (var gateway = new HttpClient { BaseAddress = run.Gateway, Timeout = TimeSpan.FromSeconds(10) })
        {
            Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/api/planning/health", cancel)).StatusCode);
        }

        var system = run.SystemProcesses();
        Assert.True(system.Count >= 5, $"expected the AppHost, the orchestrator, the services and the gateway; found {system.Count} processes");

        var clock = Stopwatch.StartNew();
        if (stoppedBy == "stop.sh")
        {
            await run.StopScriptAsync(cancel);
        }
        else
        {
            run.Signal(stoppedBy);
        }

        var left = await run.WaitUntilGoneAsync([run.ScriptProcessId, .. system], StopLimit, cancel);
        clock.Stop();

        Assert.True(left.Count == 0, $"after {StopLimit.TotalSeconds:0} s these are still running: {string.Join("; ", left)}{Environment.NewLine}{run.Output}");
        Assert.True(run.ExitCode is { } code && code == (stoppedBy == "stop.sh" ? 0 : 130), $"run.sh ended with {run.ExitCode}:{Environment.NewLine}{run.Output}");
        TestLogs.For("run.sh").Information("stopped by {StoppedBy} in {Seconds:0.0} s", stoppedBy, clock.Elapsed.TotalSeconds);
    }

    /// <summary>One <c>run.sh</c> in the foreground of a script, with its own state folder, ports, databases and virtual host.</summary>
    private sealed class LocalRun : IAsyncDisposable
    {
        private static readonly string[] DatabaseNames = ["planningdb", "reportingdb", "libraryfunddb", "gatewaydb"];

        private readonly TestServers _servers;
        private readonly Dictionary<string, string> _databases;
        private readonly Uri _virtualHost;
        private readonly string _stateDirectory;
        private readonly Process _script;

        private LocalRun(TestServers servers, Dictionary<string, string> databases, Uri virtualHost, string stateDirectory, Process script, Uri gateway)
        {
            _servers = servers;
            _databases = databases;
            _virtualHost = virtualHost;
            _stateDirectory = stateDirectory;
            _script = script;
            Gateway = gateway;
        }

        public Uri Gateway { get; }

        public int ScriptProcessId { get; private set; }

        public int? ExitCode => _script.HasExited ? _script.ExitCode : null;

        public string Output => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";

        private string LogFile => Path.Combine(_stateDirectory, "run.log");

        public static async Task<LocalRun> StartAsync(CancellationToken cancel)
        {
            var servers = await TestServers.GetAsync();
            var databases = new Dictionary<string, string>();
            foreach (var name in DatabaseNames)
            {
                databases[name] = await servers.CreateDatabaseAsync(name);
            }

            var virtualHost = await servers.CreateVirtualHostAsync("runsh");
            var state = Directory.CreateTempSubdirectory("learningweek-run-").FullName;
            var (gatewayPort, dashboardPort) = FreePorts();

            // `&` in a non-interactive shell: run.sh starts with SIGINT ignored, as under any script.
            var start = new ProcessStartInfo("bash", ["-c", $"deploy/local/run.sh --no-build >'{state}/run.log' 2>&1 & echo $!; wait $!"])
            {
                WorkingDirectory = RepositoryRoot.Path,
                RedirectStandardOutput = true,
            };
            start.Environment["LEARNINGWEEK_STATE_DIR"] = state;
            start.Environment["LEARNINGWEEK_CONFIGURATION"] = ServiceProcess.BuildConfiguration(); // the build the tests run on
            start.Environment["GATEWAY_PORT"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["DASHBOARD_PORT"] = dashboardPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["ConnectionStrings__messaging"] = virtualHost.ToString();
            foreach (var (name, connectionString) in databases)
            {
                start.Environment[$"ConnectionStrings__{name}"] = connectionString;
            }

            var script = Process.Start(start)!;
            var run = new LocalRun(servers, databases, virtualHost, state, script, new Uri($"http://127.0.0.1:{gatewayPort}"));
            run.ScriptProcessId = int.Parse((await script.StandardOutput.ReadLineAsync(cancel))!, System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                await run.WaitUntilReadyAsync(cancel);
            }
            catch
            {
                await run.DisposeAsync();
                throw;
            }

            return run;
        }

        /// <summary>The AppHost and everything it started: the orchestrator (which names the AppHost in <c>--monitor</c>) and their descendants.</summary>
        public IReadOnlyList<int> SystemProcesses()
        {
            var apphost = int.Parse(File.ReadAllText(Path.Combine(_stateDirectory, "apphost.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var all = LinuxProcess.All();
            var mine = new HashSet<int> { apphost };
            mine.UnionWith(all.Where(p => p.CommandLine.Contains($"--monitor {apphost} ", StringComparison.Ordinal) || p.CommandLine.EndsWith($"--monitor {apphost}", StringComparison.Ordinal)).Select(p => p.Id));
            for (var grown = true; grown;)
            {
                var children = all.Where(p => !mine.Contains(p.Id) && mine.Contains(p.ParentId)).Select(p => p.Id).ToList();
                mine.UnionWith(children);
                grown = children.Count > 0;
            }

            return [.. mine];
        }

        public void Signal(string signal)
        {
            using var kill = Process.Start("kill", ["-s", signal, ScriptProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
            Assert.Equal(0, kill.ExitCode);
        }

        public async Task StopScriptAsync(CancellationToken cancel)
        {
            var start = new ProcessStartInfo("bash", ["deploy/local/stop.sh"]) { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true };
            start.Environment["LEARNINGWEEK_STATE_DIR"] = _stateDirectory;
            using var stop = Process.Start(start)!;
            var output = await stop.StandardOutput.ReadToEndAsync(cancel);
            await stop.WaitForExitAsync(cancel);
            Assert.True(stop.ExitCode == 0, output);
        }

        /// <summary>Waits until none of <paramref name="processes"/> runs; returns those still running at the limit.</summary>
        public async Task<IReadOnlyList<string>> WaitUntilGoneAsync(IReadOnlyList<int> processes, TimeSpan limit, CancellationToken cancel)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var running = LinuxProcess.All().Where(p => processes.Contains(p.Id) && !p.IsZombie).ToList();
                if (running.Count == 0 || clock.Elapsed > limit)
                {
                    if (running.Count == 0)
                    {
                        await _script.WaitForExitAsync(cancel);
                    }

                    return [.. running.Select(p => $"{p.Id} {p.CommandLine}")];
                }

                await Task.Delay(100, cancel);
            }
        }

        public async ValueTask DisposeAsync()
        {
            // Whatever a failed test left running is ended here, so nothing outlives it.
            var left = File.Exists(Path.Combine(_stateDirectory, "apphost.pid")) ? SystemProcesses() : [];
            foreach (var id in left.Append(ScriptProcessId).Where(id => id > 0))
            {
                try
                {
                    Process.GetProcessById(id).Kill(entireProcessTree: true);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    // gone already
                }
            }

            await _script.WaitForExitAsync();
            TestLogs.For("run.sh").Information("{Output}", Output);
            _script.Dispose();
            foreach (var connectionString in _databases.Values)
            {
                await _servers.DropDatabaseAsync(connectionString);
            }

            await _servers.DeleteVirtualHostAsync(_virtualHost);
            Directory.Delete(_stateDirectory, recursive: true);
        }

        private async Task WaitUntilReadyAsync(CancellationToken cancel)
        {
            var clock = Stopwatch.StartNew();
            while (!Output.Contains("press Ctrl+C to stop", StringComparison.Ordinal))
            {
                if (_script.HasExited)
                {
                    throw new InvalidOperationException($"run.sh ended during start ({_script.ExitCode}):{Environment.NewLine}{Output}");
                }

                if (clock.Elapsed > StartLimit)
                {
                    throw new TimeoutException($"run.sh was not ready within {StartLimit.TotalMinutes:0} min:{Environment.NewLine}{Output}");
                }

                await Task.Delay(250, cancel);
            }
        }

        /// <summary>
        /// A free port for the gateway and three in a row for the dashboard, below the range the
        /// kernel hands out to outgoing connections and to port 0, so only a server started meanwhile
        /// could take one (run.sh would then say so and stop).
        /// </summary>
        private static (int Gateway, int Dashboard) FreePorts()
        {
            var free = Enumerable.Range(0, 400)
                .Select(_ => Random.Shared.Next(20_000, 32_000) / 4 * 4) // ranges of 4 ports apart
                .Distinct()
                .Where(port => Enumerable.Range(port, 3).All(IsFree))
                .Take(2)
                .ToList();
            return (free[0], free[1]);
        }

        private static bool IsFree(int port)
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }

    /// <summary>A process as /proc shows it.</summary>
    private sealed record LinuxProcess(int Id, int ParentId, bool IsZombie, string CommandLine)
    {
        public static IReadOnlyList<LinuxProcess> All()
        {
            var processes = new List<LinuxProcess>();
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(directory), out var id))
                {
                    continue;
                }

                try
                {
                    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
                    var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ').Trim();
                    processes.Add(new LinuxProcess(id, int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), fields[0] == "Z", commandLine));
                }
                catch (IOException)
                {
                    // ended while being read
                }
            }

            return processes;
        }
    }
}
