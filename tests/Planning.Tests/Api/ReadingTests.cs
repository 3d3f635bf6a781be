using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LearningWeek.Planning.Tests.Api;

public sealed class ReadingTests(PlanningService service) : IClassFixture<PlanningService>
{
    private readonly PlanningScenario _scenario = new(service);

    [Fact]
    public async Task Units_filter_by_kind_as_the_api_names_kinds_and_page_by_code()
    {
        await _scenario.RegisterSampleUnits();

        var schools = await _scenario.Officer.GetFromJsonAsync<JsonElement>("/api/planning/units?kind=lower-secondary", cancellationToken: TestContext.Current.CancellationToken);
        var first = await _scenario.Officer.GetFromJsonAsync<JsonElement>("/api/planning/units?limit=10", cancellationToken: TestContext.Current.CancellationToken);
        var rest = await _scenario.Officer.GetFromJsonAsync<JsonElement>($"/api/planning/units?limit=10&after={first.GetProperty("next").GetString()}", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["THCS-LAPLE", "THCS-TAMHUNG"], schools.GetProperty("items").EnumerateArray().Select(unit => unit.GetProperty("code").GetString()));
        Assert.Equal(15, first.GetProperty("items").GetArrayLength() + rest.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("/api/planning/units?kind=university", "kind")]
    [InlineData("/api/planning/units?limit=abc", "limit")]
    [InlineData("/api/planning/units?limit=0", "limit")]
    [InlineData("/api/planning/plans?status=archived", "status")]
    [InlineData("/api/planning/events?after=-1", "after")]
    public async Task A_bad_query_value_is_a_400_naming_it(string path, string field)
    {
        var client = path.Contains("/events", StringComparison.Ordinal) ? service.CreateClient(Testing.TestTokens.City()) : _scenario.Officer;

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
