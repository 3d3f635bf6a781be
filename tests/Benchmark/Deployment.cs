using System.Globalization;
using System.Net;
using System.Net.Sockets;
using LearningWeek.Testing;
using Npgsql;

namespace LearningWeek.Benchmark;

/// <summary>
/// The system as a ward runs it, from its Release build: the three services and the gateway as
/// processes of their own, on fresh databases and a fresh virtual host of the local servers; the
/// gateway issues the tokens and the services trust it. Removed again afterwards.
/// </summary>
internal sealed class Deployment : IAsyncDisposable
{
    private static readonly string[] Databases = ["planningdb", "reportingdb", "libraryfunddb", "gatewaydb"];

    private readonly TestServers _servers;
    private readonly Dictionary<string, string> _databases = [];
    private readonly Dictionary<string, ServiceProcess> _processes = [];

    private Deployment(TestServers servers, Uri virtualHost)
    {
        _servers = servers;
        VirtualHost = virtualHost;
    }

    public Uri VirtualHost { get; }

    /// <summary>The administrator on the deployment's virtual host: what an outside subscriber connects as here.</summary>
    public Uri Subscriber => _servers.AdministratorOn(VirtualHost);

    public Uri Gateway { get; private set; } = null!;

    public Uri ActivityReporting => _processes["ActivityReporting"].Address;

    public string ReportingDatabase => _databases["reportingdb"];

    public string ReportingDatabaseName => new NpgsqlConnectionStringBuilder(ReportingDatabase).Database!;

    /// <summary>The server's administrator connection (for statistics).</summary>
    public string Admin => _servers.PostgresAdmin;

    public IReadOnlyDictionary<string, ServiceProcess> Processes => _processes;

    public static async Task<Deployment> StartAsync(TestServers servers, int poolSize)
    {
        var deployment = new Deployment(servers, await servers.CreateVirtualHostAsync("bench"));
        try
        {
            foreach (var name in Databases)
            {
                deployment._databases[name] = new NpgsqlConnectionStringBuilder(await servers.CreateDatabaseAsync("bench_" + name)) { MaxPoolSize = poolSize }.ConnectionString;
            }

            await deployment.StartProcessesAsync();
            return deployment;
        }
        catch
        {
            await deployment.DisposeAsync();
            throw;
        }
    }

    /// <summary>The processes by name (and the benchmark's own, the load generator), for <see cref="CpuMeter"/>.</summary>
    public IReadOnlyDictionary<string, int> ProcessIds =>
        _processes.ToDictionary(pair => pair.Key, pair => pair.Value.Id).Append(new("load generator", Environment.ProcessId)).ToDictionary();

    /// <summary>The most memory each process has held since it started (VmHWM, the peak resident set), in MB.</summary>
    public IReadOnlyDictionary<string, double> PeakWorkingSetMegabytes() =>
        _processes.ToDictionary(pair => pair.Key, pair => PeakResidentMegabytes(pair.Value.Id));

    /// <summary>What each process holds now (VmRSS), in MB.</summary>
    public string ResidentNow() => string.Join(", ", _processes.Select(pair => $"{pair.Key} {ResidentMegabytes(pair.Value.Id, "VmRSS:"):0} MB"));

    /// <summary>Starts the peaks again from what each process holds now (Linux: 5 into /proc/pid/clear_refs), to see a load's own peak.</summary>
    public void ResetPeakWorkingSets()
    {
        foreach (var process in _processes.Values)
        {
            File.WriteAllText($"/proc/{process.Id}/clear_refs", "5");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes.Values)
        {
            await process.DisposeAsync();
        }

        foreach (var database in _databases.Values)
        {
            await _servers.DropDatabaseAsync(database);
        }

        await _servers.DeleteVirtualHostAsync(VirtualHost);
    }

    private async Task StartProcessesAsync()
    {
        // The services must know the issuer before the gateway runs, and the gateway the services:
        // so the gateway's port is chosen first.
        var gatewayPort = FreePort();
        Gateway = new Uri($"http://127.0.0.1:{gatewayPort}");
        Dictionary<string, string> Service(string database) => new()
        {
            [$"ConnectionStrings__{database}"] = _databases[database],
            ["ConnectionStrings__messaging"] = VirtualHost.ToString(),
            ["Identity__Authority"] = Gateway.ToString().TrimEnd('/'),
            ["Identity__RequireHttpsMetadata"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };

        // Started as the AppHost starts them: the followers first, so their queues are bound before Planning publishes.
        _processes["ActivityReporting"] = await ServiceProcess.StartAsync("ActivityReporting", Service("reportingdb"));
        _processes["LibraryFund"] = await ServiceProcess.StartAsync("LibraryFund", Service("libraryfunddb"));
        var planning = Service("planningdb");
        planning["SampleData__Enabled"] = "false";
        _processes["Planning"] = await ServiceProcess.StartAsync("Planning", planning);

        var gateway = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = Gateway.ToString().TrimEnd('/'),
            ["ConnectionStrings__gatewaydb"] = _databases["gatewaydb"],
            ["Identity__Issuer"] = Gateway.ToString().TrimEnd('/'),
            ["services__planning__http__0"] = _processes["Planning"].Address.ToString().TrimEnd('/'),
            ["services__activity-reporting__http__0"] = ActivityReporting.ToString().TrimEnd('/'),
            ["services__library-fund__http__0"] = _processes["LibraryFund"].Address.ToString().TrimEnd('/'),
            ["services__web__http__0"] = "http://127.0.0.1:9", // no web application in the benchmark
            // A city provisioning thousands of units' systems asks for their tokens from one address.
            ["RateLimiting__TokenRequestsPerMinute"] = "1000000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        _processes["Gateway"] = await ServiceProcess.StartAsync("Gateway", gateway, folder: "gateway");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static double PeakResidentMegabytes(int pid) => ResidentMegabytes(pid, "VmHWM:");

    private static double ResidentMegabytes(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(line => line.StartsWith(field, StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
