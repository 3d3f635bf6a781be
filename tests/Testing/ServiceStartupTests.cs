using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Xunit;

namespace LearningWeek.Testing;

/// <summary>
/// What every service must show on start, inherited by each service's test project: it opens its
/// own event store (own database, own schema, created at start) and its bus on RabbitMQ, and says
/// so on <c>/health</c>.
/// </summary>
public abstract class ServiceStartupTests<TEntryPoint>(ServiceFixture<TEntryPoint> service, string applicationName, string schema)
    where TEntryPoint : class
{
    [Fact]
    public async Task Health_shows_the_service_with_its_database_and_broker_healthy()
    {
        // 200 and Healthy once its bus has connected (a check that is Unhealthy answers 503).
        var health = await Eventually.Get(() => service.CreateClient().GetFromJsonAsync<JsonElement>("/health"),
            until: report => report.GetProperty("status").GetString() == "Healthy");

        Assert.Equal(applicationName, health.GetProperty("service").GetString());
        var checks = health.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("rabbitmq").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Alive_answers_without_touching_the_servers()
    {
        using var response = await service.CreateClient().GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = health.RootElement.GetProperty("checks");
        Assert.False(checks.TryGetProperty("postgres", out _));
        Assert.False(checks.TryGetProperty("rabbitmq", out _));
    }

    [Fact]
    public async Task Its_store_schema_is_created_at_start_in_its_own_database()
    {
        await using var connection = new NpgsqlConnection(service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = @schema", connection);
        command.Parameters.AddWithValue("schema", schema);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("mt_doc_processedmessage", tables);
    }

    [Fact]
    public async Task Its_bus_is_connected_to_the_broker_under_its_own_name()
    {
        // The broker's management statistics lag a few seconds behind the connection itself.
        var names = await Eventually.Get(
            () => service.Servers.ConnectionNamesAsync(service.VirtualHost),
            until: found => found.Any(name => name.StartsWith(applicationName + "@", StringComparison.Ordinal)));

        Assert.Contains(names, name => name.StartsWith(applicationName + "@", StringComparison.Ordinal));
    }
}
