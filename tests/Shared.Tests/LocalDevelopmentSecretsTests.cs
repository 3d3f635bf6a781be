using LearningWeek.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace LearningWeek.Shared.Tests;

public sealed class LocalDevelopmentSecretsTests
{
    [Theory]
    [InlineData("ConnectionStrings:planningdb", "Host=127.0.0.1;Username=learningweek;Password=local-learningweek;Database=planningdb")]
    [InlineData("ConnectionStrings:messaging", "amqp://learningweek:local-learningweek@127.0.0.1:5672/")]
    [InlineData("Identity:Clients:ward-officer:ClientSecret", "local-ward-officer")]
    public void Production_refuses_to_start_with_a_local_development_default(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            LocalDevelopmentSecrets.RefuseInProduction(Configuration(key, value), Environment(Environments.Production)));

        Assert.Contains(key, error.Message);
        Assert.DoesNotContain(value, error.Message); // the secret itself is never echoed
    }

    [Theory]
    [InlineData("ConnectionStrings:planningdb", "Host=db.internal;Username=planning;Password=S3cure!long-random")]
    [InlineData("ConnectionStrings:messaging", "amqp://planning:S3cure@mq.internal:5672/")]
    [InlineData("Logging:LogLevel:local-thing", "local-value-that-is-no-secret")]
    public void Production_starts_with_real_credentials(string key, string value) =>
        LocalDevelopmentSecrets.RefuseInProduction(Configuration(key, value), Environment(Environments.Production));

    [Fact]
    public void Development_runs_with_the_local_defaults() =>
        LocalDevelopmentSecrets.RefuseInProduction(
            Configuration("ConnectionStrings:planningdb", "Password=local-learningweek"),
            Environment(Environments.Development));

    private static IConfiguration Configuration(string key, string value) =>
        new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

    private static IHostEnvironment Environment(string name) => new TestEnvironment { EnvironmentName = name };

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";
        public string ApplicationName { get; set; } = "tests";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
