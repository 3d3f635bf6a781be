using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningWeek.ApiDefaults.Http;

namespace LearningWeek.Planning.Tests.Api;

public sealed class ConcurrencyAndIdempotencyTests(PlanningService service) : IClassFixture<PlanningService>
{
    private readonly PlanningScenario _scenario = new(service);

    [Fact]
    public async Task A_change_with_a_stale_if_match_is_412_and_changes_nothing()
    {
        var (id, etag) = await _scenario.Draft();
        var newer = await _scenario.Send(HttpMethod.Put, $"/api/planning/plans/{id}", PlanningScenario.Content(title: "Bản sửa lần 1"), etag, HttpStatusCode.OK);

        await _scenario.Send(HttpMethod.Put, $"/api/planning/plans/{id}", PlanningScenario.Content(title: "Bản sửa từ phiên bản cũ"), etag, HttpStatusCode.PreconditionFailed);

        var plan = await _scenario.Plan(id);
        Assert.Equal("Bản sửa lần 1", plan.GetProperty("title").GetString());
        Assert.Equal(newer, $"\"{plan.GetProperty("version").GetInt64()}\"");
    }

    [Fact]
    public async Task Fifty_concurrent_changes_with_the_same_if_match_let_exactly_one_win()
    {
        var (id, etag) = await _scenario.Draft();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/planning/plans/{id}/activity-lines")
            {
                Content = JsonContent.Create(new { code = $"4.{i + 1}", title = $"Hoạt động {i + 1}" }),
            };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            using var response = await _scenario.Officer.SendAsync(request);
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(status => status == HttpStatusCode.Created));
        Assert.Equal(49, statuses.Count(status => status == HttpStatusCode.PreconditionFailed));
        var plan = await _scenario.Plan(id);
        Assert.Equal(1, plan.GetProperty("activityLines").GetArrayLength());
        Assert.Equal(2, plan.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_drafts_one_plan()
    {
        var key = Guid.NewGuid().ToString();
        var title = $"Kế hoạch {key}";

        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/planning/plans") { Content = JsonContent.Create(PlanningScenario.Content(title: title)) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await _scenario.Officer.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("id").GetGuid());
        }

        Assert.Single(ids.Distinct());
        var plans = await _scenario.Officer.GetFromJsonAsync<JsonElement>("/api/planning/plans?limit=100", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Single(plans.GetProperty("items").EnumerateArray(), plan => plan.GetProperty("title").GetString() == title);
    }

    [Theory]
    [InlineData(null, "Dữ liệu đã thay đổi kể từ phiên bản ghi trong If-Match")]
    [InlineData("vi-VN,vi;q=0.9,en;q=0.5", "Dữ liệu đã thay đổi kể từ phiên bản ghi trong If-Match")]
    [InlineData("en-US,en;q=0.9", "The resource changed since the version in If-Match")]
    public async Task A_problems_detail_is_Vietnamese_unless_the_client_asks_for_English(string? acceptLanguage, string detail)
    {
        var (id, etag) = await _scenario.Draft();
        await _scenario.Send(HttpMethod.Put, $"/api/planning/plans/{id}", PlanningScenario.Content(title: "Bản sửa lần 1"), etag, HttpStatusCode.OK);
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/planning/plans/{id}") { Content = JsonContent.Create(PlanningScenario.Content(), options: ApiJson.Options) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        if (acceptLanguage is not null)
        {
            stale.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await _scenario.Officer.SendAsync(stale, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken);
        Assert.StartsWith(detail, problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("__detailEn", out _));
    }

    [Fact]
    public async Task A_full_replacement_without_if_match_is_428_and_changes_nothing()
    {
        var (id, _) = await _scenario.Draft();

        await _scenario.Send(HttpMethod.Put, $"/api/planning/plans/{id}", PlanningScenario.Content(title: "Bản sửa không kèm phiên bản"), null, HttpStatusCode.PreconditionRequired);

        Assert.NotEqual("Bản sửa không kèm phiên bản", (await _scenario.Plan(id)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unreadable_if_match_is_a_400_naming_it()
    {
        var (id, _) = await _scenario.Draft();

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/planning/plans/{id}") { Content = JsonContent.Create(PlanningScenario.Content(), options: ApiJson.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", "yesterday");
        using var response = await _scenario.Officer.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("If-Match", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
