using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace LearningWeek.Testing;

/// <summary>
/// The PostgreSQL and RabbitMQ servers the tests run against, one pair per test process.
/// In order: connection strings from the environment (<c>LEARNINGWEEK_TEST_POSTGRES</c>, an
/// account that may create databases, and <c>LEARNINGWEEK_TEST_RABBITMQ</c>, an administrator's
/// amqp URI, as <c>deploy/local/test.sh</c> sets them); else containers when a container engine
/// answers; else a failure that says how to start the servers. Each fixture then takes its own
/// fresh database and virtual host, so test classes never see each other's data or queues.
/// </summary>
public sealed class TestServers
{
    public const string PostgresVariable = "LEARNINGWEEK_TEST_POSTGRES";
    public const string RabbitMqVariable = "LEARNINGWEEK_TEST_RABBITMQ";

    /// <summary>
    /// Connections a host may pool per test database: test classes run side by side in several
    /// test processes on one server, and a pool of the default 100 each (kept for minutes) could
    /// exhaust its connections; a busy host waits a moment for one instead.
    /// </summary>
    private const int MaxPoolSize = 20;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static TestServers? _instance;

    private TestServers(string postgres, Uri rabbitMq, Uri rabbitMqManagement)
    {
        PostgresAdmin = postgres;
        RabbitMq = rabbitMq;
        RabbitMqManagement = rabbitMqManagement;
    }

    /// <summary>A connection string to the server's <c>postgres</c> database, allowed to create databases and roles.</summary>
    public string PostgresAdmin { get; }

    /// <summary>The broker's amqp URI with administrator credentials, on the default virtual host.</summary>
    public Uri RabbitMq { get; }

    public Uri RabbitMqManagement { get; }

    public static async Task<TestServers> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _instance ??= await FromEnvironment() ?? await FromContainers() ?? throw NoServers();
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = UniqueName(prefix);
        await using (var connection = new NpgsqlConnection(PostgresAdmin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name, MaxPoolSize = MaxPoolSize }.ConnectionString;
    }

    /// <summary>
    /// Creates an empty database owned by a new login role with a random password (not a
    /// local-development default), for hosts that run as Production; returns its connection string.
    /// </summary>
    public async Task<string> CreateDatabaseWithOwnRoleAsync(string prefix)
    {
        var name = UniqueName(prefix);
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        await using (var connection = new NpgsqlConnection(PostgresAdmin))
        {
            await connection.OpenAsync();
            foreach (var sql in new[]
            {
                $"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'",
                $"GRANT \"{name}\" TO CURRENT_USER",
                $"CREATE DATABASE \"{name}\" OWNER \"{name}\" ENCODING 'UTF8' TEMPLATE template0",
            })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
            }
        }

        return new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name, Username = name, Password = password, MaxPoolSize = MaxPoolSize }.ConnectionString;
    }

    /// <summary>
    /// Drops a fixture's database (and its own role, if it has one) once the hosts that used it
    /// have stopped. Their sessions end as they are disposed; one still open after
    /// <paramref name="grace"/> (30 s unless given) is a leak: the database is dropped all the same
    /// and the cleanup fails, naming the session. Sessions the server keeps on its own (autovacuum)
    /// are no leak and never fail a run: DROP ... WITH (FORCE) ends them where the account holds
    /// pg_signal_backend (as deploy/local/infra.sh grants), and a plain DROP ends them otherwise.
    /// </summary>
    public async Task DropDatabaseAsync(string connectionString, TimeSpan? grace = null)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        // Idle connections of this process's pools: of this database's connection string, and of any
        // other form of it the hosts used (a pool is keyed by the exact string). Other fixtures lose
        // only idle connections, which their pools open again when needed.
        NpgsqlConnection.ClearAllPools();

        await using var connection = new NpgsqlConnection(PostgresAdmin);
        await connection.OpenAsync();
        var database = settings.Database!;
        var leaked = await ClientSessionsLeftAsync(connection, database, grace ?? DropGrace);

        var deadline = DateTime.UtcNow + DropGrace;
        PostgresException? refused;
        while (true)
        {
            refused = await TryDropAsync(connection, database, force: true);
            if (refused?.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                // FORCE may not end a session of a role this account does not act for (autovacuum's
                // among them, without pg_signal_backend); a plain DROP ends autovacuum itself and
                // waits up to 5 s for any other session to go.
                refused = await TryDropAsync(connection, database, force: false);
            }

            if (refused is null || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        if (refused is not null)
        {
            throw new InvalidOperationException(
                $"Test cleanup could not drop database {database}: sessions this account may not end are still on it " +
                $"({await SessionsOnAsync(connection, database, clientsOnly: false)}). Grant it pg_signal_backend, as deploy/local/infra.sh does.", refused);
        }

        if (settings.Username == database)
        {
            await ExecuteAsync(connection, $"DROP ROLE IF EXISTS \"{settings.Username}\"");
        }

        if (leaked is not null)
        {
            throw new InvalidOperationException(
                $"Test cleanup found a leak: {(grace ?? DropGrace).TotalSeconds:0} s after the hosts that used database {database} stopped, " +
                $"sessions were still open on it ({leaked}); the database is dropped. Something the test started (a host, a store, a connection) was not disposed.");
        }
    }

    /// <summary>
    /// The database goes away as if its server were down: new connections are refused and the open
    /// ones ended (other databases stay up). <see cref="BringBackAsync"/> ends the outage.
    /// </summary>
    public async Task TakeAwayAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var connection = new NpgsqlConnection(PostgresAdmin);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false");
        await using var terminate = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @database AND pid <> pg_backend_pid()", connection);
        terminate.Parameters.AddWithValue("database", database);
        await terminate.ExecuteScalarAsync();
    }

    /// <summary>The database taken away by <see cref="TakeAwayAsync"/> accepts connections again.</summary>
    public async Task BringBackAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var connection = new NpgsqlConnection(PostgresAdmin);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true");
    }

    /// <summary>How long a test database may still have client sessions once its hosts have stopped.</summary>
    public static TimeSpan DropGrace { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Waits until no client has a session on the database; describes those still there after <paramref name="grace"/>.</summary>
    private static async Task<string?> ClientSessionsLeftAsync(NpgsqlConnection connection, string database, TimeSpan grace)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var sessions = await SessionsOnAsync(connection, database, clientsOnly: true);
            if (sessions is null || clock.Elapsed > grace)
            {
                return sessions;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>Drops the database; returns why not if sessions are in the way (in use, or not this account's to end).</summary>
    private static async Task<PostgresException?> TryDropAsync(NpgsqlConnection connection, string database, bool force)
    {
        try
        {
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{database}\"{(force ? " WITH (FORCE)" : "")}");
            return null;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.ObjectInUse or PostgresErrorCodes.InsufficientPrivilege)
        {
            return e;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> SessionsOnAsync(NpgsqlConnection connection, string database, bool clientsOnly)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT string_agg(format('pid %s, %s, user %s, application %L, %s since %s: %s',
                       pid, backend_type, coalesce(usename, '-'), application_name, coalesce(state, '-'), backend_start, left(query, 80)), '; ')
            FROM pg_stat_activity
            WHERE datname = @database AND pid <> pg_backend_pid() AND (NOT @clientsOnly OR backend_type = 'client backend')
            """, connection);
        command.Parameters.AddWithValue("database", database);
        command.Parameters.AddWithValue("clientsOnly", clientsOnly);
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>
    /// Creates a virtual host with a unique name, and a user of its own allowed everything on it;
    /// returns the amqp URI of that user on that host. The administrator (of <see cref="RabbitMq"/>)
    /// may use it too, e.g. for an outside subscriber.
    /// </summary>
    public async Task<Uri> CreateVirtualHostAsync(string prefix)
    {
        var name = UniqueName(prefix);
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        using var management = ManagementClient();
        (await management.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        (await management.PutAsJsonAsync($"api/users/{name}", new { password, tags = "" })).EnsureSuccessStatusCode();
        await GrantAsync(management, name, name);
        await GrantAsync(management, name, Uri.UnescapeDataString(RabbitMq.UserInfo.Split(':')[0]));
        return new UriBuilder(RabbitMq) { UserName = name, Password = password, Path = "/" + name }.Uri;
    }

    /// <summary>The administrator's URI on the same virtual host (for subscribers and checks that are not the service).</summary>
    public Uri AdministratorOn(Uri virtualHost) => new UriBuilder(RabbitMq) { Path = virtualHost.AbsolutePath }.Uri;

    private static async Task GrantAsync(HttpClient management, string virtualHost, string user) =>
        (await management.PutAsJsonAsync($"api/permissions/{virtualHost}/{Uri.EscapeDataString(user)}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();

    public async Task DeleteVirtualHostAsync(Uri virtualHost)
    {
        using var management = ManagementClient();
        var name = virtualHost.AbsolutePath.TrimStart('/');
        await management.DeleteAsync($"api/vhosts/{name}");
        await management.DeleteAsync($"api/users/{name}");
    }

    /// <summary>
    /// How many messages the virtual host's <c>_error</c> queues hold, counted by the broker at
    /// this moment (a passive declare; the management API's figures lag by seconds).
    /// </summary>
    public async Task<int> DeadLetteredAsync(Uri virtualHost)
    {
        using var management = ManagementClient();
        var queues = await management.GetFromJsonAsync<List<ManagementQueue>>(
            $"api/queues/{virtualHost.AbsolutePath.TrimStart('/')}?columns=name") ?? [];
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = AdministratorOn(virtualHost), ClientProvidedName = "dead-letter-count" };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var count = 0;
        foreach (var queue in queues.Where(queue => queue.Name.EndsWith("_error", StringComparison.Ordinal)))
        {
            count += (int)(await channel.QueueDeclarePassiveAsync(queue.Name)).MessageCount;
        }

        return count;
    }

    /// <summary>The names of the client connections open on a virtual host (MassTransit names them after the service).</summary>
    public async Task<IReadOnlyList<string>> ConnectionNamesAsync(Uri virtualHost)
    {
        using var management = ManagementClient();
        var connections = await management.GetFromJsonAsync<List<ManagementConnection>>(
            $"api/vhosts/{virtualHost.AbsolutePath.TrimStart('/')}/connections") ?? [];
        return [.. connections.Select(c => c.ClientProperties?.ConnectionName ?? c.Name)];
    }

    public HttpClient ManagementClient()
    {
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(RabbitMq.UserInfo)));
        var client = new HttpClient { BaseAddress = RabbitMqManagement, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        return client;
    }

    private static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];

    private static Task<TestServers?> FromEnvironment()
    {
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        var rabbitMq = Environment.GetEnvironmentVariable(RabbitMqVariable);
        if (string.IsNullOrWhiteSpace(postgres) || string.IsNullOrWhiteSpace(rabbitMq))
        {
            return Task.FromResult<TestServers?>(null);
        }

        var amqp = new Uri(rabbitMq);
        var management = new UriBuilder("http", amqp.Host, 15672).Uri;
        return Task.FromResult<TestServers?>(new TestServers(postgres, amqp, management));
    }

    private static async Task<TestServers?> FromContainers()
    {
        if (!ContainerEngineAnswers())
        {
            return null;
        }

        // As the local server (deploy/local/infra.sh): room for the pools of the test classes running side by side.
        var postgres = new PostgreSqlBuilder("postgres:17").WithCommand("-c", "max_connections=300").Build();
        var rabbitMq = new RabbitMqBuilder("rabbitmq:4-management").Build();
        await Task.WhenAll(postgres.StartAsync(), rabbitMq.StartAsync());
        var amqp = new Uri(rabbitMq.GetConnectionString());
        var management = new UriBuilder("http", rabbitMq.Hostname, rabbitMq.GetMappedPublicPort(15672)).Uri;
        // The containers live as long as the test process; Testcontainers' reaper removes them after.
        return new TestServers(postgres.GetConnectionString(), amqp, management);
    }

    private static bool ContainerEngineAnswers()
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (docker is null)
            {
                return false;
            }

            _ = docker.StandardOutput.ReadToEndAsync();
            _ = docker.StandardError.ReadToEndAsync();
            if (!docker.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                docker.Kill(entireProcessTree: true);
                return false;
            }

            return docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static InvalidOperationException NoServers() => new(
        $"""
        These tests need PostgreSQL and RabbitMQ, and none were found: {PostgresVariable} and
        {RabbitMqVariable} are not set and no container engine answers.
        Run the whole suite with:            deploy/local/test.sh
        or start local servers yourself:     deploy/local/infra.sh up && eval "$(deploy/local/infra.sh env)"
        """);

    private sealed record ManagementQueue(string Name);

    private sealed record ManagementConnection(
        string Name,
        string? User,
        [property: JsonPropertyName("client_properties")] ManagementClientProperties? ClientProperties);

    private sealed record ManagementClientProperties([property: JsonPropertyName("connection_name")] string? ConnectionName);
}
