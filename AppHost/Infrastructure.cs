using System.Data.Common;
using System.Diagnostics;
using System.Net.Sockets;

namespace LearningWeek.AppHost;

/// <summary>Where PostgreSQL and RabbitMQ come from.</summary>
internal enum InfrastructureMode
{
    /// <summary>Containers started by the orchestrator (a container engine answers).</summary>
    Containers,

    /// <summary>This machine's own servers on loopback, started by <c>deploy/local/infra.sh up</c>.</summary>
    Local,

    /// <summary>Servers given by connection strings in configuration (production, a shared server).</summary>
    External,
}

/// <summary>
/// PostgreSQL databases and the RabbitMQ broker under the same resource names in every mode, so
/// the services read <c>ConnectionStrings__planningdb</c>, <c>ConnectionStrings__messaging</c>, …
/// the same way wherever the servers are. Without a container engine a container resource never
/// starts and everything waiting for it waits forever; so the mode is chosen before any resource
/// is added, and a missing or unreachable server stops the AppHost at once with a clear message.
/// </summary>
internal sealed class Infrastructure
{
    public const string MessagingName = "messaging";
    private static readonly TimeSpan ReachTimeout = TimeSpan.FromSeconds(3);

    private readonly IDistributedApplicationBuilder _builder;
    private readonly IResourceBuilder<PostgresServerResource>? _postgres;

    private Infrastructure(IDistributedApplicationBuilder builder, InfrastructureMode mode)
    {
        _builder = builder;
        Mode = mode;
        if (mode == InfrastructureMode.Containers)
        {
            _postgres = builder.AddPostgres("postgres").WithDataVolume("learningweek-postgres-data");
            Messaging = builder.AddRabbitMQ(MessagingName)
                .WithManagementPlugin()
                .WithDataVolume("learningweek-rabbitmq-data");
        }
        else
        {
            Messaging = ConnectionString(MessagingName, server: "RabbitMQ");
        }
    }

    public InfrastructureMode Mode { get; }

    public IResourceBuilder<IResourceWithConnectionString> Messaging { get; }

    public static Infrastructure Create(IDistributedApplicationBuilder builder)
    {
        var mode = ChooseMode(builder.Configuration);
        Console.WriteLine(mode switch
        {
            InfrastructureMode.Containers => "LearningWeek infrastructure: containers (PostgreSQL and RabbitMQ started by the orchestrator)",
            InfrastructureMode.Local => "LearningWeek infrastructure: local servers on this machine (deploy/local/infra.sh)",
            _ => "LearningWeek infrastructure: external servers from ConnectionStrings configuration",
        });
        return new Infrastructure(builder, mode);
    }

    public IResourceBuilder<IResourceWithConnectionString> AddDatabase(string name) =>
        _postgres is not null ? _postgres.AddDatabase(name) : ConnectionString(name, server: "PostgreSQL");

    private IResourceBuilder<IResourceWithConnectionString> ConnectionString(string name, string server)
    {
        var key = $"ConnectionStrings:{name}";
        var value = _builder.Configuration[key];
        if (string.IsNullOrWhiteSpace(value) && Mode == InfrastructureMode.Local)
        {
            value = name == MessagingName
                ? _builder.Configuration["Infrastructure:Local:Messaging"]
                : $"{_builder.Configuration["Infrastructure:Local:Postgres"]};Database={name}";
            _builder.Configuration[key] = value;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"The connection string '{name}' is missing. In {Mode.ToString().ToLowerInvariant()} mode set " +
                $"ConnectionStrings__{name} (environment) or ConnectionStrings:{name} (configuration).");
        }

        var (host, port) = Endpoint(value);
        if (!Answers(host, port))
        {
            throw new InvalidOperationException(
                $"{server} for '{name}' does not answer at {host}:{port}. " +
                (Mode == InfrastructureMode.Local
                    ? "Start the local servers with: deploy/local/infra.sh up"
                    : $"Check ConnectionStrings:{name} and that the server is reachable."));
        }

        return _builder.AddConnectionString(name);
    }

    private static InfrastructureMode ChooseMode(IConfiguration configuration)
    {
        var configured = configuration["Infrastructure:Mode"];
        if (string.IsNullOrWhiteSpace(configured) || configured.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return ContainerEngineAnswers(configuration) ? InfrastructureMode.Containers : InfrastructureMode.Local;
        }

        return Enum.TryParse<InfrastructureMode>(configured, ignoreCase: true, out var mode)
            ? mode
            : throw new InvalidOperationException(
                $"Infrastructure:Mode is '{configured}'; use auto, containers, local or external.");
    }

    /// <summary>True when the container engine itself (not only its client) answers within a few seconds.</summary>
    private static bool ContainerEngineAnswers(IConfiguration configuration)
    {
        var runtime = configuration["ASPIRE_CONTAINER_RUNTIME"] ?? "docker";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false; // no such program
        }
    }

    private static (string Host, int Port) Endpoint(string connectionString)
    {
        if (Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("amqp", StringComparison.Ordinal))
        {
            return (uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port);
        }

        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var host = parts.TryGetValue("Host", out var h) ? h.ToString()! : "localhost";
        var port = parts.TryGetValue("Port", out var p) ? Convert.ToInt32(p, System.Globalization.CultureInfo.InvariantCulture) : 5432;
        return (host.Split(',')[0], port);
    }

    private static bool Answers(string host, int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(host, port).Wait(ReachTimeout) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

internal static class InfrastructureExtensions
{
    public static Infrastructure AddInfrastructure(this IDistributedApplicationBuilder builder) => Infrastructure.Create(builder);
}
