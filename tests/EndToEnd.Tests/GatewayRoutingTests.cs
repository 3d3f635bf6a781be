using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningWeek.Testing;
using Npgsql;

namespace LearningWeek.EndToEnd.Tests;

[Collection(LocalSystemCollection.Name)]
public sealed class GatewayRoutingTests(LocalSystem system)
{
    public static TheoryData<string, string, string, string> Services => new()
    {
        { "planning", "LearningWeek.Planning", "planningdb", "planning" },
        { "reporting", "LearningWeek.ActivityReporting", "reportingdb", "reporting" },
        { "library-fund", "LearningWeek.LibraryFund", "libraryfunddb", "libraryfund" },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Each_service_is_healthy_through_the_gateway_with_its_database_and_broker(
        string route, string applicationName, string database, string schema)
    {
        var health = await Eventually.Get(() => system.CreateGatewayClient().GetFromJsonAsync<JsonElement>($"/api/{route}/health"),
            until: report => report.GetProperty("status").GetString() == "Healthy");

        Assert.Equal(applicationName, health.GetProperty("service").GetString());
        var checks = health.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("rabbitmq").GetProperty("status").GetString());

        // Connected to the servers it was given, not merely answering: its schema is in its own
        // database, and its bus holds a connection to the system's virtual host.
        Assert.True(await SchemaExists(system.Databases[database], schema), $"schema {schema} in {database}");
        var connections = await Eventually.Get(
            () => system.Servers.ConnectionNamesAsync(system.VirtualHost),
            until: names => names.Any(name => name.StartsWith(applicationName + "@", StringComparison.Ordinal)));
        Assert.Contains(connections, name => name.StartsWith(applicationName + "@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_gateway_reports_its_own_health_and_database()
    {
        using var response = await system.CreateGatewayClient().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("LearningWeek.Gateway", health.RootElement.GetProperty("service").GetString());
        Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unknown_route_gets_a_problem_details_404()
    {
        var client = system.CreateGatewayClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", await SecurityThroughTheGatewayTests.Token(client, "ward-officer"));

        using var response = await client.GetAsync("/api/nothing-here", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<bool> SchemaExists(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = @schema", connection);
        command.Parameters.AddWithValue("schema", schema);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
