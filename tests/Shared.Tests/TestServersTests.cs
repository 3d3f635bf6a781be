using LearningWeek.Testing;
using Npgsql;

namespace LearningWeek.Shared.Tests;

/// <summary>The suite's own cleanup: a test database goes away after its class, and only a real leak fails a run.</summary>
public sealed class TestServersTests
{
    [Fact]
    public async Task Connections_returned_to_the_pool_are_no_leak_and_the_database_is_dropped()
    {
        var servers = await TestServers.GetAsync();
        var database = await servers.CreateDatabaseAsync("cleanup");
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken); // back to the pool, idle, when disposed
        }

        await servers.DropDatabaseAsync(database, grace: TimeSpan.FromSeconds(5));

        Assert.False(await Exists(servers, database));
    }

    [Fact]
    public async Task A_session_left_open_is_reported_as_a_leak_naming_it_and_the_database_is_dropped_all_the_same()
    {
        var servers = await TestServers.GetAsync();
        var database = await servers.CreateDatabaseAsync("cleanup");
        var leaky = new NpgsqlConnectionStringBuilder(database) { Pooling = false, ApplicationName = "forgotten-by-a-test" }.ConnectionString;
        await using var forgotten = new NpgsqlConnection(leaky);
        await forgotten.OpenAsync(TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => servers.DropDatabaseAsync(database, grace: TimeSpan.FromSeconds(1)));

        Assert.Contains("leak", error.Message, StringComparison.Ordinal);
        Assert.Contains("forgotten-by-a-test", error.Message, StringComparison.Ordinal);
        Assert.False(await Exists(servers, database));
    }

    private static async Task<bool> Exists(TestServers servers, string database)
    {
        await using var connection = new NpgsqlConnection(servers.PostgresAdmin);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", new NpgsqlConnectionStringBuilder(database).Database!);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0;
    }
}
