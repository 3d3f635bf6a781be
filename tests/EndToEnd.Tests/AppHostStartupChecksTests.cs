using Aspire.Hosting.Testing;
using LearningWeek.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningWeek.EndToEnd.Tests;

/// <summary>A misconfigured AppHost stops at once with a message that says what to do; it never waits forever.</summary>
public sealed class AppHostStartupChecksTests
{
    [Fact]
    public async Task A_missing_connection_string_in_external_mode_stops_the_start_and_names_it()
    {
        var servers = await TestServers.GetAsync(); // a broker that answers, so the database is the one missing
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Build(
            "--Infrastructure:Mode=external",
            $"--ConnectionStrings:messaging={servers.RabbitMq}",
            "--ConnectionStrings:planningdb="));

        Assert.Contains("ConnectionStrings__planningdb", Flatten(error));
    }

    [Fact]
    public async Task A_server_that_does_not_answer_stops_the_start_and_says_how_to_start_it()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Build(
            "--Infrastructure:Mode=local",
            "--ConnectionStrings:messaging=amqp://user:pass@127.0.0.1:1/"));

        var message = Flatten(error);
        Assert.Contains("does not answer at 127.0.0.1:1", message);
        Assert.Contains("deploy/local/infra.sh up", message);
    }

    private static async Task Build(params string[] args)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.LearningWeek_AppHost>(args, timeout.Token);
        builder.Services.AddLogging(logging => logging.ToTestLog("apphost"));
        await using var app = await builder.BuildAsync(timeout.Token);
    }

    private static string Flatten(Exception error) => error.ToString();
}
