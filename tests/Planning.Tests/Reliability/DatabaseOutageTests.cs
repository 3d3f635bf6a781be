using System.Net;
using System.Net.Http.Json;
using LearningWeek.Testing;

namespace LearningWeek.Planning.Tests.Reliability;

/// <summary>
/// Planning's own database away for more than a minute: requests get a 503 problem (never a 500
/// or a stack trace) and nothing of them is stored; what was acknowledged before is still there
/// and published; once the database is back the service takes requests and publishes again,
/// without a restart. The outage's length is the point of the test, so it waits that long on purpose.
/// </summary>
public sealed class DatabaseOutageTests(PlanningService service) : IClassFixture<PlanningService>
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(65);

    [Fact]
    public async Task Requests_get_503_while_the_database_is_away_for_a_minute_and_the_service_recovers_without_restart()
    {
        await using var city = await OutsideSubscriber.StartAsync(service.Servers.AdministratorOn(service.VirtualHost), typeof(Contracts.Planning.UnitRegistered));
        var officer = service.CreateClient(TestTokens.WardOfficer());
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (before, meanwhile, after) = ($"TH-B{suffix}", $"TH-M{suffix}", $"TH-A{suffix}");
        using (var created = await CreateUnit(officer, before))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await service.Servers.TakeAwayAsync(service.DatabaseConnectionString);
        try
        {
            using var refused = await CreateUnit(officer, meanwhile);
            using var reading = await officer.GetAsync("/api/planning/units", TestContext.Current.CancellationToken);
            foreach (var response in new[] { refused, reading })
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var problem = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Assert.DoesNotContain("Npgsql", problem, StringComparison.Ordinal);
                Assert.DoesNotContain(" at ", problem, StringComparison.Ordinal);
                Assert.NotNull(response.Headers.RetryAfter);
            }

            await Task.Delay(Outage, TestContext.Current.CancellationToken);
        }
        finally
        {
            await service.Servers.BringBackAsync(service.DatabaseConnectionString);
        }

        var status = await Eventually.Get(async () => { using var response = await CreateUnit(officer, after); return response.StatusCode; },
            until: code => code == HttpStatusCode.Created, TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(HttpStatusCode.OK, await UnitStatus(officer, before));
        Assert.Equal(HttpStatusCode.OK, await UnitStatus(officer, after));
        Assert.Equal(HttpStatusCode.NotFound, await UnitStatus(officer, meanwhile)); // refused with 503: nothing stored
        var received = await city.WaitFor(messages => messages.Any(m => m.Message.GetProperty("unitCode").GetString() == after), TimeSpan.FromSeconds(30));
        Assert.Contains(received, message => message.Message.GetProperty("unitCode").GetString() == before);
        Assert.DoesNotContain(received, message => message.Message.GetProperty("unitCode").GetString() == meanwhile);
    }

    private static async Task<HttpStatusCode> UnitStatus(HttpClient officer, string code)
    {
        using var response = await officer.GetAsync($"/api/planning/units/{code}", TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static Task<HttpResponseMessage> CreateUnit(HttpClient officer, string code) =>
        officer.PostAsJsonAsync("/api/planning/units", new { code, name = $"Trường Tiểu học {code}", kind = "primary" }, TestContext.Current.CancellationToken);
}
