using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LearningWeek.Testing;

namespace LearningWeek.Planning.Tests.Api;

/// <summary>Each kind of bad input gets a 4xx ProblemDetails naming the field, and nothing is stored.</summary>
public sealed class BadInputTests(PlanningService service) : IClassFixture<PlanningService>
{
    private readonly PlanningScenario _scenario = new(service);

    public static TheoryData<string, string, int, string> BadPlans => new()
    {
        { "missing title", """{"title": null}""", 400, "title" },
        { "title too long", $$"""{"title": "{{new string('A', 301)}}"}""", 400, "title" },
        { "year out of range", """{"year": 1999}""", 400, "year" },
        { "year of the wrong type", """{"year": "2027"}""", 400, "year" },
        { "date not a date", """{"period": {"start": "01/10/2027", "end": "2027-10-07"}}""", 400, "period.start" },
        { "the first day of the calendar as the period's start", """{"period": {"start": "0001-01-01", "end": "2027-10-07"}}""", 400, "period.start" },
        { "the first day of the calendar as a deadline", """{"deadlines": {"unitsReportBefore": "0001-01-01", "wardReportBefore": "2027-10-20"}}""", 400, "deadlines.unitsReportBefore" },
        { "the last day of the calendar as a deadline", """{"deadlines": {"unitsReportBefore": "2027-10-15", "wardReportBefore": "9999-12-31"}}""", 400, "deadlines.wardReportBefore" },
        { "the first day of the calendar as the decision's date", """{"legalBasis": {"decisionNumber": "1/QĐ", "decisionDate": "0001-01-01", "issuer": "UBND"}}""", 400, "legalBasis.decisionDate" },
        { "period end before start", """{"period": {"start": "2027-10-07", "end": "2027-10-01"}}""", 400, "period.end" },
        { "period outside the year", """{"period": {"start": "2026-10-01", "end": "2026-10-07"}}""", 422, "period" },
        { "deadline inside the period", """{"deadlines": {"unitsReportBefore": "2027-10-05", "wardReportBefore": "2027-10-20"}}""", 422, "deadlines.unitsReportBefore" },
        { "unknown field", """{"titel": "Kế hoạch"}""", 400, "titel" },
        { "non-NFC text (decomposed Vietnamese)", "{\"title\": \"Ke\u0302\u0301 hoa\u0323ch\"}", 400, "title" },
        { "control character", "{\"place\": \"Nam\\u0007Triệu\"}", 400, "place" },
        { "empty legal basis number", """{"legalBasis": {"decisionNumber": " ", "decisionDate": "2027-09-25", "issuer": "UBND"}}""", 400, "legalBasis.decisionNumber" },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public async Task A_bad_plan_is_refused_naming_the_field_and_nothing_is_stored(string kind, string patch, int status, string field)
    {
        var before = await PlanCount();
        var body = JsonSerializer.SerializeToNode(PlanningScenario.Content())!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(patch)!.AsObject())
        {
            body[name] = value?.DeepClone();
        }

        using var response = await _scenario.Officer.PostAsync("/api/planning/plans", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        await AssertProblemNaming(response, status, field, kind);
        Assert.Equal(before, await PlanCount());
    }

    [Fact]
    public async Task Invalid_unicode_is_a_400_naming_the_field()
    {
        var before = await PlanCount();
        var body = JsonSerializer.Serialize(PlanningScenario.Content()).Replace(
            JsonSerializer.Serialize(Planning.SampleData.NamTrieu2025.Theme), "\"Học tập \\ud800 suốt đời\"", StringComparison.Ordinal);

        using var response = await _scenario.Officer.PostAsync("/api/planning/plans", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        await AssertProblemNaming(response, 400, "theme", "lone surrogate");
        Assert.Equal(before, await PlanCount());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var response = await _scenario.Officer.PostAsync("/api/planning/plans", new StringContent("{\"title\": \"Kế hoạch\",", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public static TheoryData<string, object, int, string> BadUnits => new()
    {
        { "code with lower case and spaces", new { code = "th tam hung", name = "Trường", kind = "primary" }, 400, "code" },
        { "missing name", new { code = "TH-NEW", kind = "primary" }, 400, "name" },
        { "unknown kind", new { code = "TH-NEW", name = "Trường", kind = "university" }, 400, "kind" },
        { "another ward", new { code = "TH-NEW", name = "Trường", kind = "primary", wardCode = "HP-OTHER" }, 403, "" },
    };

    [Theory]
    [MemberData(nameof(BadUnits))]
    public async Task A_bad_unit_is_refused_naming_the_field_and_nothing_is_stored(string kind, object unit, int status, string field)
    {
        using var response = await _scenario.Officer.PostAsJsonAsync("/api/planning/units", unit, cancellationToken: TestContext.Current.CancellationToken);

        await AssertProblemNaming(response, status, field, kind);
        using var lookup = await _scenario.Officer.GetAsync("/api/planning/units/TH-NEW", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    public static TheoryData<string, object, int, string> BadUnitPlans => new()
    {
        { "no items", new { items = Array.Empty<object>() }, 400, "items" },
        { "a null among the items", new { items = new object?[] { null } }, 400, "items[0]" },
        { "the first day of the calendar as an item's start", new { items = new[] { new { lineCode = "3.1", title = "Ngày hội đọc sách", from = "0001-01-01", to = "2026-10-02", expectedParticipants = new { students = 100 } } } }, 400, "items[0].from" },
        { "unknown activity line", PlanningScenario.UnitPlan(line: "9.9"), 422, "items[0].lineCode" },
        { "negative participants", PlanningScenario.UnitPlan(students: -1), 400, "items[0].expectedParticipants.students" },
        { "absurd participants", PlanningScenario.UnitPlan(students: 2_000_000), 400, "items[0].expectedParticipants.students" },
        { "another unit", PlanningScenario.UnitPlan(unitCode: "TH-LAPLE"), 403, "" },
    };

    [Theory]
    [MemberData(nameof(BadUnitPlans))]
    public async Task A_bad_unit_plan_is_refused_naming_the_field_and_nothing_is_stored(string kind, object unitPlan, int status, string field)
    {
        var (id, _) = await _scenario.Issued();
        var school = _scenario.School("TH-TAMHUNG");

        using var response = await school.PostAsJsonAsync($"/api/planning/plans/{id}/unit-plans", unitPlan, cancellationToken: TestContext.Current.CancellationToken);

        await AssertProblemNaming(response, status, field, kind);
        var stored = await _scenario.Officer.GetFromJsonAsync<JsonElement>($"/api/planning/plans/{id}/unit-plans", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, stored.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_plans_and_units_are_404_problems()
    {
        using var plan = await _scenario.Officer.GetAsync($"/api/planning/plans/{Guid.NewGuid()}", TestContext.Current.CancellationToken);
        using var unit = await _scenario.Officer.GetAsync("/api/planning/units/KHONG-CO", TestContext.Current.CancellationToken);
        using var issue = await _scenario.Officer.PostAsJsonAsync($"/api/planning/plans/{Guid.NewGuid()}/issue", new { }, cancellationToken: TestContext.Current.CancellationToken);
        var (id, _) = await _scenario.Issued();
        using var unknownUnit = await _scenario.Officer.PostAsJsonAsync($"/api/planning/plans/{id}/unit-plans", PlanningScenario.UnitPlan(unitCode: "KHONG-CO"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.All([plan, unit, issue, unknownUnit], response =>
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        });
    }

    public static TheoryData<string, string, string> BadAmendments => new()
    {
        { "a null among the added lines", """{"reason": "Bổ sung hoạt động", "addActivityLines": [null]}""", "addActivityLines[0]" },
        { "the last day of the calendar as a deadline", """{"reason": "Dời hạn", "wardReportBefore": "9999-12-31"}""", "wardReportBefore" },
        { "the first day of the calendar as a deadline", """{"reason": "Dời hạn", "unitsReportBefore": "0001-01-01"}""", "unitsReportBefore" },
    };

    [Theory]
    [MemberData(nameof(BadAmendments))]
    public async Task A_bad_amendment_is_a_400_naming_the_field_and_the_plan_stays_as_it_was(string kind, string amendment, string field)
    {
        var (id, etag) = await _scenario.Issued();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/planning/plans/{id}/amendments")
        {
            Content = new StringContent(amendment, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);

        using var response = await _scenario.Officer.SendAsync(request, TestContext.Current.CancellationToken);

        await AssertProblemNaming(response, 400, field, kind);
        Assert.Equal(0, (await _scenario.Plan(id)).GetProperty("amendments").GetArrayLength());
    }

    private async Task<int> PlanCount() =>
        (await _scenario.Officer.GetFromJsonAsync<JsonElement>("/api/planning/plans?limit=100")).GetProperty("items").GetArrayLength();

    private static async Task AssertProblemNaming(HttpResponseMessage response, int status, string field, string kind)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{kind}: expected {status}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field.Length > 0)
        {
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"{kind}: errors name {string.Join(", ", errors.EnumerateObject().Select(e => e.Name))}, not {field}");
        }
    }
}
