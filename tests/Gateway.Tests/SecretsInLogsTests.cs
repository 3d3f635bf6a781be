using System.Net.Http.Json;

namespace LearningWeek.Gateway.Tests;

public sealed class SecretsInLogsTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task No_log_line_holds_a_client_secret_or_an_access_token()
    {
        var token = await gateway.TokenFor("HKH-NAMTRIEU");
        using (await gateway.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "HKH-NAMTRIEU",
            ["client_secret"] = "local-HKH-NAMTRIEU-wrong-guess",
        }), TestContext.Current.CancellationToken))
        {
        }

        using (await gateway.CreateClient(token).PostAsJsonAsync("/api/reporting/activities", new { title = "x" }, cancellationToken: TestContext.Current.CancellationToken))
        {
        }

        var records = gateway.Logs.GetSnapshot();
        Assert.NotEmpty(records); // the logs were captured at debug level
        Assert.All(records, record =>
        {
            var line = $"{record.Message} {record.Exception} {string.Join(" ", record.StructuredState?.Select(kv => kv.Value) ?? [])}";
            Assert.DoesNotContain("local-HKH-NAMTRIEU", line);
            Assert.DoesNotContain(token, line);
            Assert.DoesNotContain(token.Split('.')[2], line); // not even the signature part
        });
    }
}
